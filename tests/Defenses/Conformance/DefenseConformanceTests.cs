using NUnit.Framework;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Conformance;

/// <summary>
/// What the harness relies on, checked for every registered defense on a smoke problem: the oracle's answer
/// shape and range, Reject only where the traits allow it, determinism where the traits promise it, clean
/// accuracy above chance, and a second Fit that loads its artefacts instead of training again.
/// </summary>
[TestFixtureSource(typeof(RegisteredDefenses), nameof(RegisteredDefenses.Ids))]
[NonParallelizable]
public sealed class DefenseConformanceTests(string defenseId)
{
    private TempDirectory artefacts = null!;
    private LabeledImages train = null!;
    private LabeledImages test = null!;
    private IDefense defense = null!;
    private Tensor firstAnswers = null!;

    [OneTimeSetUp]
    public void FitOnSmokeProblem()
    {
        artefacts = new TempDirectory();
        var dataset = DatasetInfo.FashionMnist;
        train = SyntheticData.Create(dataset, 600, seed: 3);
        test = SyntheticData.CreateHeldOut(dataset, 200, seed: 3);
        defense = RegisteredDefenses.Create(defenseId);
        defense.Fit(Context(dataset));
        firstAnswers = defense.Predict(test.Images);
    }

    [OneTimeTearDown]
    public void Release()
    {
        defense.Dispose();
        firstAnswers.Dispose();
        train.Dispose();
        test.Dispose();
        artefacts.Dispose();
    }

    [Test]
    public void Predict_SmokeImages_ReturnsOneInt64LabelPerImageOnCpu()
    {
        Assert.That(defense.Id, Is.EqualTo(defenseId));
        Assert.That(firstAnswers.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(firstAnswers.shape, Is.EqualTo(new[] { test.Count }));
        Assert.That(firstAnswers.device_type, Is.EqualTo(DeviceType.CPU));
    }

    [Test]
    public void Predict_SmokeImages_LabelsInRangeAndRejectOnlyWhenAllowed()
    {
        var answers = firstAnswers.data<long>().ToArray();
        Assert.That(answers, Is.All.InRange(defense.Traits.CanReject ? Labels.Reject : 0, 9));
    }

    [Test]
    public void Predict_Twice_IdenticalUnlessRandomized()
    {
        if (defense.Traits.Randomized) Assert.Ignore($"{defenseId} is randomised by its traits.");
        using var again = defense.Predict(test.Images);
        Assert.That(again.eq(firstAnswers).all().item<bool>(), Is.True);
    }

    [Test]
    public void Predict_CleanSmokeImages_AccuracyAboveChance()
    {
        var accuracy = firstAnswers.eq(test.Labels).to(float32).mean().item<float>();
        TestContext.Out.WriteLine($"{defenseId}: smoke clean accuracy {accuracy:P1} (reject = error)");
        Assert.That(accuracy, Is.GreaterThan(0.3f));
    }

    [Test]
    public void Traits_ForwardPassesPerQuery_AtLeastOne()
    {
        Assert.That(defense.Traits.ForwardPassesPerQuery, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Fit_SecondTime_LoadsArtefactsWithoutTraining()
    {
        var store = new ArtefactStore(artefacts.Path);
        var before = Directory.GetDirectories(Path.Combine(store.Root, "objects")).Length;
        using var second = RegisteredDefenses.Create(defenseId);
        second.Fit(Context(DatasetInfo.FashionMnist));
        Assert.That(Directory.GetDirectories(Path.Combine(store.Root, "objects")), Has.Length.EqualTo(before));
        if (!defense.Traits.Randomized)
        {
            using var answers = second.Predict(test.Images);
            Assert.That(answers.eq(firstAnswers).all().item<bool>(), Is.True);
        }
    }

    private DefenseContext Context(DatasetInfo dataset)
    {
        var profile = ProfileCatalog.Default().Get(ProfileNames.Smoke, dataset.Id);
        var networks = new NetworkTrainer(new ArtefactStore(artefacts.Path), CPU);
        return new DefenseContext(dataset, train, profile, networks, new ModelZoo(), CPU, Seed: 11);
    }
}
