using NUnit.Framework;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Testing.Conformance;

/// <summary>
/// What the harness relies on, checked for one defense on a smoke problem: the oracle's answer shape and range,
/// Reject only where the traits allow it, determinism where the traits promise it, clean accuracy above chance, and
/// traits fixed before Fit and kept by the fitted defense, and a second Fit that loads its artefacts instead of training
/// again. Derive a [TestFixture] and return the defense configured for the profile from <see cref="CreateDefense"/>;
/// the framework's own defenses run the same suite.
/// </summary>
[NonParallelizable]
public abstract class DefenseConformanceSuite
{
    private TempDirectory artefacts = null!;
    private LabeledImages train = null!;
    private LabeledImages test = null!;
    private IDefense configured = null!;
    private IFittedDefense defense = null!;
    private Tensor firstAnswers = null!;

    /// <summary>
    /// The defense under test configured for <paramref name="profile"/>: resolve its <see cref="DefenseFactory"/> through
    /// its registration module and call <see cref="DefenseFactory.Create"/>.
    /// </summary>
    protected abstract IDefense CreateDefense(DatasetProfile profile);

    /// <summary>The id the defense must report; null skips the check.</summary>
    protected virtual string? ExpectedId => null;

    /// <summary>Clean accuracy the defense must beat on the separable smoke problem (a rejected image counts as an error).</summary>
    protected virtual float MinimumCleanAccuracy => 0.3f;

    protected virtual DatasetInfo Dataset => DatasetInfo.FashionMnist;

    [OneTimeSetUp]
    public void FitOnSmokeProblem()
    {
        artefacts = new TempDirectory();
        train = SyntheticData.Create(Dataset, 600, seed: 3);
        test = SyntheticData.CreateHeldOut(Dataset, 200, seed: 3);
        configured = CreateDefense(Profile());
        defense = configured.Fit(Context());
        firstAnswers = defense.Predict(test.Images);
    }

    [OneTimeTearDown]
    public void Release()
    {
        defense?.Dispose();
        firstAnswers?.Dispose();
        train?.Dispose();
        test?.Dispose();
        artefacts?.Dispose();
    }

    [Test]
    public void Predict_SmokeImages_ReturnsOneInt64LabelPerImageOnCpu()
    {
        if (ExpectedId is not null) Assert.That(defense.Id, Is.EqualTo(ExpectedId));
        Assert.That(PluginIds.IsValid(defense.Id), Is.True, $"id '{defense.Id}' is not kebab-case");
        Assert.That(firstAnswers.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(firstAnswers.shape, Is.EqualTo(new[] { test.Count }));
        Assert.That(firstAnswers.device_type, Is.EqualTo(DeviceType.CPU));
    }

    [Test]
    public void Predict_SmokeImages_LabelsInRangeAndRejectOnlyWhenAllowed()
    {
        var answers = firstAnswers.data<long>().ToArray();
        Assert.That(answers, Is.All.InRange(defense.Traits.CanReject ? Labels.Reject : 0, Dataset.NumClasses - 1));
    }

    [Test]
    public void Predict_Twice_IdenticalUnlessRandomized()
    {
        if (defense.Traits.Randomized) Assert.Ignore($"{defense.Id} is randomised by its traits.");
        using var again = defense.Predict(test.Images);
        Assert.That(again.eq(firstAnswers).all().item<bool>(), Is.True);
    }

    [Test]
    public void Predict_CleanSmokeImages_AccuracyAboveChance()
    {
        var accuracy = firstAnswers.eq(test.Labels).to(float32).mean().item<float>();
        TestContext.Out.WriteLine($"{defense.Id}: smoke clean accuracy {accuracy:P1} (reject = error)");
        Assert.That(accuracy, Is.GreaterThan(MinimumCleanAccuracy));
    }

    [Test]
    public void Traits_ForwardPassesPerQuery_AtLeastOne()
    {
        Assert.That(defense.Traits.ForwardPassesPerQuery, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Fit_FittedDefense_KeepsTheConfiguredIdAndTraits()
    {
        Assert.That(defense.Id, Is.EqualTo(configured.Id));
        Assert.That(defense.Traits, Is.EqualTo(configured.Traits), "traits are known from the configuration, before Fit, and do not change");
        Assert.That(CreateDefense(Profile()).Traits, Is.EqualTo(configured.Traits));
    }

    [Test]
    public void AsClassifier_WhereExposed_GivesLogitsForEveryClass()
    {
        var classifier = defense.AsClassifier();
        if (classifier is null) Assert.Ignore($"{defense.Id} exposes no white-box classifier.");
        using var scope = NewDisposeScope();
        var logits = classifier.Logits(test.Images.narrow(0, 0, 8));
        Assert.That(logits.shape, Is.EqualTo(new long[] { 8, Dataset.NumClasses }));
    }

    [Test]
    public void Fit_SecondTime_LoadsArtefactsWithoutTraining()
    {
        var before = StoredObjects();
        using var second = CreateDefense(Profile()).Fit(Context());
        Assert.That(StoredObjects(), Is.EqualTo(before), "a second Fit stored new artefacts instead of loading its own");
        if (!defense.Traits.Randomized)
        {
            using var answers = second.Predict(test.Images);
            Assert.That(answers.eq(firstAnswers).all().item<bool>(), Is.True);
        }
    }

    private int StoredObjects()
    {
        var objects = Path.Combine(new ArtefactStore(artefacts.Path).Root, "objects");
        return Directory.Exists(objects) ? Directory.GetDirectories(objects).Length : 0;
    }

    private DatasetProfile Profile() => ProfileCatalog.Default().Get(ProfileNames.Smoke, Dataset.Id);

    private DefenseContext Context()
    {
        var networks = new NetworkTrainer(new ArtefactStore(artefacts.Path), CPU);
        return new DefenseContext(Dataset, train, Profile(), networks, new ModelZoo(), CPU, Seed: 11);
    }
}
