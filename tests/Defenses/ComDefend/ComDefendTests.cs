using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Defenses.ComDefend;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.InputTransformSupport;
using Robustness.Defenses.Vanilla;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.ComDefend;

/// <summary>
/// One ComDefend fit per dataset (smoke profile, synthetic smooth images at 16×16 to keep the fit short on a
/// shared machine) shared by the fixture's tests.
/// </summary>
[TestFixture(DatasetIds.Cifar10)]
[TestFixture(DatasetIds.FashionMnist)]
public sealed class ComDefendTests(string datasetId)
{
    /// <summary>
    /// Stated floor for the smoke recipe (8 short epochs): held-out clean images reconstructed through the binary
    /// code reach 17 dB PSNR (measured here: 21.6 dB CIFAR-shaped, 19.0 dB Fashion-shaped), and at least 3 dB more than reproducing the training mean image.
    /// </summary>
    private const double PsnrFloorDb = 17.0;

    private LabeledImages train = null!;
    private LabeledImages test = null!;
    private RecordingTrainer trainer = null!;
    private TempDirectory artefacts = null!;
    private FittedComDefendDefense defense = null!;
    private DatasetInfo dataset = null!;

    [OneTimeSetUp]
    public void FitOnce()
    {
        dataset = DatasetInfo.FromId(datasetId) with { Height = 16, Width = 16 };
        train = SmoothSyntheticData.Create(dataset, 800, seed: 21);
        test = SmoothSyntheticData.CreateHeldOut(dataset, 200, seed: 21);
        artefacts = new TempDirectory();
        var context = TestContexts.Smoke(dataset, train, artefacts, out trainer);
        defense = RegisteredDefenses.Create<ComDefendDefense>(DefenseIds.ComDefend, context).Fit(context);
    }

    [OneTimeTearDown]
    public void Release()
    {
        defense.Dispose();
        train.Dispose();
        test.Dispose();
        artefacts.Dispose();
    }

    [Test]
    public void Encode_TestTime_CodeIsBinaryWithPaperChannelCount()
    {
        using var noGrad = no_grad();
        defense.Autoencoder.eval();
        var bits = ComDefendAutoencoder.Binarise(defense.Autoencoder.Encode(test.Images.narrow(0, 0, 16)));
        Assert.That(bits.shape[1], Is.EqualTo(dataset.Channels == 3 ? 12 : 4));
        Assert.That(bits.eq(0).logical_or(bits.eq(1)).all().item<bool>(), Is.True, "every code value is 0 or 1");
        var ones = bits.mean().item<float>();
        Assert.That(ones, Is.InRange(0.01f, 0.99f), "the code carries information (not constant)");
    }

    [Test]
    public void Purify_HeldOutCleanImages_PsnrBeatsFloor()
    {
        var purified = defense.Purify(test.Images);
        var mse = (purified - test.Images).pow(2).mean().item<float>();
        var psnr = 10 * Math.Log10(1.0 / mse);
        var meanImage = train.Images.mean([0], keepdim: true);
        var baseline = 10 * Math.Log10(1.0 / (test.Images - meanImage).pow(2).mean().item<float>());
        TestContext.Out.WriteLine($"{datasetId}: ComDefend PSNR {psnr:F2} dB (mean-image baseline {baseline:F2} dB)");
        Assert.That(purified.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(purified.max().item<float>(), Is.LessThanOrEqualTo(1f));
        Assert.That(psnr, Is.GreaterThan(PsnrFloorDb));
        Assert.That(psnr, Is.GreaterThan(baseline + 3), "beats reproducing the mean image");
    }

    [Test]
    public void Predict_SmokeData_AboveChance()
    {
        var accuracy = TestContexts.Accuracy(defense.Predict(test.Images), test.Labels);
        var vanilla = TestContexts.Accuracy(defense.Backbone.PredictLabels(test.Images), test.Labels);
        TestContext.Out.WriteLine($"{datasetId}: ComDefend clean accuracy {accuracy:P1} (its vanilla backbone {vanilla:P1})");
        Assert.That(accuracy, Is.GreaterThan(0.3), "chance is 10 %");
    }

    [Test]
    public void Fit_Requests_AutoencoderOwnedByComDefendAndTheVanillaBackbone()
    {
        Assert.That(trainer.Requests.Select(r => (r.Owner, r.Role)),
            Is.EqualTo(new[] { (DefenseIds.ComDefend, ComDefendDefense.AutoencoderRole), (DefenseIds.Vanilla, VanillaBackbone.Role) }));
        Assert.That(trainer.Calls[0].Request.Loss, Is.Not.Null);
        Assert.That(trainer.Calls[0].Request.Config!["codeChannels"], Is.EqualTo(dataset.Channels == 3 ? "12" : "4"));
    }

    [Test]
    public void Purify_SameImagesTwice_DiffersByTheTestTimeCodeNoise()
    {
        var images = test.Images.narrow(0, 0, 32);
        var first = defense.Purify(images);
        var second = defense.Purify(images);
        var changed = first.ne(second).to_type(ScalarType.Float32).mean().item<float>();
        TestContext.Out.WriteLine($"{datasetId}: {changed:P1} of purified pixel values differ between two passes");
        Assert.That(changed, Is.GreaterThan(0.01f), "the code noise makes ComDefend randomised");
        Assert.That(defense.Traits.Randomized, Is.True);
    }

    [Test]
    public void TestCode_ReferenceChoice_BinaryForCifarRealValuedForFashionMnist()
    {
        using var noGrad = no_grad();
        using var generator = new Generator(3);
        var code = defense.Autoencoder.TestCode(test.Images.narrow(0, 0, 16), generator);
        var binary = code.eq(0).logical_or(code.eq(1)).all().item<bool>();
        Assert.That(defense.Autoencoder.BinarisesCode, Is.EqualTo(dataset.Channels == 3));
        Assert.That(binary, Is.EqualTo(dataset.Channels == 3), "Beware's Fashion-MNIST path reconstructs from the unbinarised sigmoid code");
    }

    [Test]
    public void Purify_Output_IsTruncatedTo8Bits()
    {
        var purified = defense.Purify(test.Images.narrow(0, 0, 8));
        var levels = purified * 255;
        Assert.That((levels - levels.round()).abs().max().item<float>(), Is.LessThan(1e-3f));
    }
}

public sealed class ComDefendTestNoiseTests
{
    [Test]
    public void TestCode_Unbinarised_SubtractsStandardNormalNoiseBeforeTheSigmoid()
    {
        // An untrained autoencoder keeps the code near 0, where the sigmoid inverts without saturating: the noise
        // the test path subtracted is code − logit(sigmoid(code − n)) and must have mean 0 and std σ_test = 1.
        var options = new ComDefendOptions { EncoderWidths = [8], DecoderWidths = [8], BinariseCode = false };
        using var autoencoder = new ComDefendAutoencoder(1, options, seed: 5);
        autoencoder.eval();
        using var noGrad = no_grad();
        var images = rand(new long[] { 8, 1, 16, 16 }, generator: new Generator(6));
        using var generator = new Generator(7);
        var soft = autoencoder.TestCode(images, generator).to_type(ScalarType.Float64);
        var noise = autoencoder.Encode(images).to_type(ScalarType.Float64) - (soft / (1 - soft)).log();
        Assert.That(noise.mean().item<double>(), Is.EqualTo(0).Within(0.03));
        Assert.That(noise.std().item<double>(), Is.EqualTo(1).Within(0.03));
    }

    [Test]
    public void Create_ProfileTurnsTestNoiseOff_DeterministicByTraitsBeforeFit()
    {
        var sections = System.Text.Json.Nodes.JsonNode.Parse("""{ "defenses": { "comdefend": { "testNoiseStd": 0 } } }""")!.AsObject();
        var profile = Robustness.Core.Profiles.ProfileCatalog.Default().Get(Robustness.Core.Profiles.ProfileNames.Smoke, DatasetIds.Cifar10) with { Sections = sections };
        Assert.That(RegisteredDefenses.Create(DefenseIds.ComDefend, profile).Traits.Randomized, Is.False);
        Assert.That(RegisteredDefenses.Create(DefenseIds.ComDefend, profile with { Sections = new System.Text.Json.Nodes.JsonObject() }).Traits.Randomized, Is.True);
    }

    [Test]
    public void TestCode_ZeroTestNoise_IsDeterministic()
    {
        var options = new ComDefendOptions { EncoderWidths = [8], DecoderWidths = [8], TestNoiseStd = 0 };
        using var autoencoder = new ComDefendAutoencoder(3, options, seed: 5);
        autoencoder.eval();
        using var noGrad = no_grad();
        var images = rand(new long[] { 2, 3, 16, 16 }, generator: new Generator(6));
        using var generator = new Generator(7);
        Assert.That(autoencoder.Purify(images, generator).eq(autoencoder.Purify(images, generator)).all().item<bool>(), Is.True);
    }
}
