using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Defenses.FeatureDistillation;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.InputTransformSupport;
using Robustness.Defenses.Vanilla;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.FeatureDistillation;

public sealed class FeatureDistillationTests
{
    [Test]
    public void BlockDct_InverseOfForward_IsIdentityWithin1e5()
    {
        var planes = rand(new long[] { 3, 2, 16, 24 }, generator: new Generator(1));
        var back = BlockDct.Inverse(BlockDct.Forward(planes));
        Assert.That((back - planes).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void BlockDct_ConstantBlock_HasOnlyDcCoefficient()
    {
        var planes = full(new long[] { 1, 1, 8, 8 }, 0.5f);
        var c = BlockDct.Forward(planes).reshape(64);
        Assert.That(c[0].item<float>(), Is.EqualTo(0.5f * 8).Within(1e-5));
        Assert.That(c.narrow(0, 1, 63).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [TestCase(3, 32)]
    [TestCase(1, 28)]
    public void Distill_LosslessTable_ReturnsInputWithin1e5(int channels, int size)
    {
        var images = rand(new long[] { 4, channels, size, size }, generator: new Generator(2));
        var restored = new FeatureDistiller(QuantisationTable.Lossless()).Distill(images);
        Assert.That(restored.shape, Is.EqualTo(images.shape));
        Assert.That((restored - images).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void QuantisationTable_CoarseHighFrequencies_ZeroesThemAndKeepsLowBands()
    {
        // A block with every coefficient 20 (0–255 scale): bands u+v < 3 keep step 1, the rest get step 50, so
        // |20| < 50/2 rounds to exactly zero there while the low bands stay 20.
        var table = QuantisationTable.LowFrequency(cutoff: 3, fineStep: 1f, coarseStep: 50f);
        var quantised = table.Apply(full(new long[] { 1, 1, 1, 1, 8, 8 }, 20f)).reshape(8, 8);
        for (var u = 0; u < 8; u++)
            for (var v = 0; v < 8; v++)
                Assert.That(quantised[u, v].item<float>(), Is.EqualTo(u + v < 3 ? 20f : 0f), $"band [{u},{v}]");
    }

    [Test]
    public void Distill_CoarseTable_RemovesHighFrequencyEnergyOfImage()
    {
        var images = rand(new long[] { 2, 1, 16, 16 }, generator: new Generator(3));
        var distilled = new FeatureDistiller(QuantisationTable.LowFrequency(1, 0f, 1e6f)).Distill(images);
        var coefficients = BlockDct.Forward(distilled * 255f - 128f).reshape(-1, 64);
        Assert.That(coefficients.narrow(1, 1, 63).abs().max().item<float>(), Is.LessThan(1e-2f), "only DC survives");
    }

    [Test]
    public void FromBandDeviation_KeepsTheLargestDeviationBandsFine()
    {
        var deviation = Enumerable.Range(0, 64).Select(i => (float)(64 - i)).ToArray();
        var table = QuantisationTable.FromBandDeviation(deviation, importantBands: 5, fineStep: 2f, coarseStep: 40f);
        Assert.That(Enumerable.Range(0, 64).Count(i => table[i / 8, i % 8] == 2f), Is.EqualTo(5));
        Assert.That(table[0, 4], Is.EqualTo(2f));
        Assert.That(table[0, 5], Is.EqualTo(40f));
    }

    [Test]
    public void Constructor_NegativeStep_ThrowsNamingTheBand()
    {
        var steps = new float[64];
        steps[9] = -1f;
        Assert.That(() => new QuantisationTable(steps), Throws.ArgumentException.With.Message.Contains("[1,1]"));
    }

    [TestCase(ProfileNames.Paper, DatasetIds.Cifar10)]
    [TestCase(ProfileNames.Paper, DatasetIds.FashionMnist)]
    [TestCase(ProfileNames.Quick, DatasetIds.Cifar10)]
    [TestCase(ProfileNames.Smoke, DatasetIds.FashionMnist)]
    public void For_ProfileSettings_IsBewaresUniformStep80OnRawPlanesAt32(string profileName, string datasetId)
    {
        var options = ProfileCatalog.Default().Get(profileName, datasetId).Section($"defenses.{DefenseIds.FeatureDistillation}", new FeatureDistillationOptions());
        var channels = DatasetInfo.FromId(datasetId).Channels;
        var distiller = FeatureDistiller.For(options, rand(new long[] { 4, channels, 28, 28 }, generator: new Generator(4)));
        for (var u = 0; u < 8; u++)
            for (var v = 0; v < 8; v++)
                Assert.That(distiller.Table[u, v], Is.EqualTo(80f), $"band [{u},{v}]");
        Assert.That(distiller.ColourTransform, Is.False, "the reference code quantises the RGB planes directly");
        Assert.That(distiller.WorkingSize, Is.EqualTo(32));
    }

    [Test]
    public void Reference_S2AndS1_LowFrequency4x4BlockGetsS2()
    {
        var table = QuantisationTable.Reference(lowFrequencyStep: 25f, highFrequencyStep: 30f);
        for (var u = 0; u < 8; u++)
            for (var v = 0; v < 8; v++)
                Assert.That(table[u, v], Is.EqualTo(u < 4 && v < 4 ? 25f : 30f), $"band [{u},{v}]");
    }

    [Test]
    public void Distill_NoColourTransform_EveryRgbPlaneIsDistilledOnItsOwn()
    {
        // Red carries texture, green and blue are black. Quantising raw planes leaves the black planes exactly black
        // and red equal to distilling it alone; through YCbCr the red texture would leak into green and blue.
        var red = rand(new long[] { 2, 1, 16, 16 }, generator: new Generator(5));
        var rgb = cat([red, zeros(2, 2, 16, 16)], 1);
        var table = QuantisationTable.Reference(80f, 80f);
        var distilled = new FeatureDistiller(table).Distill(rgb);
        Assert.That(distilled.narrow(1, 1, 2).abs().max().item<float>(), Is.EqualTo(0f));
        Assert.That((distilled.narrow(1, 0, 1) - new FeatureDistiller(table).Distill(red)).abs().max().item<float>(), Is.LessThan(1e-6f));
        var throughYCbCr = new FeatureDistiller(table, colourTransform: true).Distill(rgb);
        Assert.That(throughYCbCr.narrow(1, 1, 2).abs().max().item<float>(), Is.GreaterThan(0.01f), "the colour transform couples the planes");
    }

    [Test]
    public void Distill_WorkingSize32On28x28_ResizesTo32DistilsAndResizesBack()
    {
        var images = rand(new long[] { 3, 1, 28, 28 }, generator: new Generator(6));
        var table = QuantisationTable.Reference(80f, 80f);
        var distilled = new FeatureDistiller(table, workingSize: 32).Distill(images);
        var up = nn.functional.interpolate(images, [32, 32], mode: InterpolationMode.Bilinear, align_corners: false);
        var expected = nn.functional.interpolate(new FeatureDistiller(table).Distill(up), [28, 28], mode: InterpolationMode.Bilinear, align_corners: false).clamp(0, 1);
        Assert.That(distilled.shape, Is.EqualTo(images.shape));
        Assert.That((distilled - expected).abs().max().item<float>(), Is.LessThan(1e-5f));
        var native = new FeatureDistiller(table).Distill(images);
        Assert.That((distilled - native).abs().max().item<float>(), Is.GreaterThan(0.01f), "28×28 blocks (edge-padded) are a different transform");
    }

    [TestCase(DatasetIds.Cifar10)]
    [TestCase(DatasetIds.FashionMnist)]
    public void Predict_SmokeData_AboveChanceOnTheVanillaBackboneArtefact(string datasetId)
    {
        var dataset = DatasetInfo.FromId(datasetId);
        using var train = SmoothSyntheticData.Create(dataset, 600, seed: 11);
        using var test = SmoothSyntheticData.CreateHeldOut(dataset, 200, seed: 11);
        using var artefacts = new TempDirectory();
        var context = TestContexts.Smoke(dataset, train, artefacts, out var trainer);
        using (new VanillaDefense().Fit(context)) { }
        using var defense = RegisteredDefenses.Create<FeatureDistillationDefense>(DefenseIds.FeatureDistillation, context).Fit(context);
        var accuracy = TestContexts.Accuracy(defense.Predict(test.Images), test.Labels);
        var vanillaAccuracy = TestContexts.Accuracy(defense.Backbone.PredictLabels(test.Images), test.Labels);
        TestContext.Out.WriteLine($"{datasetId}: feature distillation clean accuracy {accuracy:P1} (its vanilla backbone {vanillaAccuracy:P1})");
        Assert.That(accuracy, Is.GreaterThan(0.3), "chance is 10 %");
        Assert.That(trainer.Calls, Has.Count.EqualTo(2));
        Assert.That(trainer.Calls[1].Request, Is.EqualTo(VanillaBackbone.Request(context)));
        Assert.That(trainer.Calls[1].Report.FromCache, Is.True, "feature distillation reuses the vanilla artefact");
        Assert.That(trainer.Calls[1].Report.ArtefactHash, Is.EqualTo(trainer.Calls[0].Report.ArtefactHash));
    }
}
