using Robustness.Attacks;
using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Evaluation.Protocol;
using Robustness.Testing;
using Robustness.Testing.Adversaries;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Protocol;

public sealed class TransferEvaluationTests
{
    private const string Fast = """{ "surrogateArchitecture": "tiny-mlp", "pureBlackBoxEpochs": 2, "rounds": 2, "epochsPerRound": 2, "learningRate": 0.01, "batchSize": 32 }""";

    [Test]
    public void Run_ConstantDefensePureBlackBox_DefenseAccuracyIsShareOfThatClassAmongFirstN()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 60, seed: 1);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 40, seed: 1);
        var defense = ProtocolFixture.Constant(2, "always-two");
        using var cache = new PureBlackBoxExampleCache();
        var result = new TransferEvaluation(cache).Run(ProtocolFixture.Cell("always-two"),
            new TransferInputs(defense, new PureBlackBoxAdversary(), new Fgsm(new FgsmOptions()), ProtocolFixture.Context(train, Fast, "always-two"), test, ProtocolFixture.Options(30)));

        var firstThirty = test.Labels.narrow(0, 0, 30).data<long>().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Attacked, Is.EqualTo(30));
            Assert.That(result.DefenseAccuracy, Is.EqualTo(firstThirty.Count(l => l == 2) / 30.0).Within(1e-12));
            Assert.That(result.CleanAccuracy, Is.EqualTo(test.Labels.data<long>().Count(l => l == 2) / 40.0).Within(1e-12));
            Assert.That(result.Success, Is.EqualTo(firstThirty.Select(l => l != 2).ToArray()));
            Assert.That(result.Queries, Is.Zero);
            Assert.That(result.EvaluationForwardPasses, Is.EqualTo(40 + 30));
        });
    }

    [Test]
    public void Run_ConstantDefenseOracleAdversary_AttacksOnlyCorrectPointsAndNeverSucceeds()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 2);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 60, seed: 2);
        var defense = ProtocolFixture.Constant(4, "always-four");
        var result = new TransferEvaluation(new PureBlackBoxExampleCache()).Run(ProtocolFixture.Cell("always-four", AdversaryIds.OracleJacobian),
            new TransferInputs(defense, new OracleJacobianAdversary(), new Fgsm(new FgsmOptions()), ProtocolFixture.Context(train, Fast, "always-four"), test, ProtocolFixture.Options(100)));
        Assert.Multiple(() =>
        {
            Assert.That(result.TrueLabels, Has.All.EqualTo(4L));
            Assert.That(result.Attacked, Is.EqualTo(test.Labels.data<long>().Count(l => l == 4)));
            Assert.That(result.DefenseAccuracy, Is.EqualTo(1.0));
            Assert.That(result.Queries, Is.EqualTo(40 + 80), "relabel-all, 2 rounds");
            Assert.That(result.SurrogateAgreement, Is.Not.Null);
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Run_DefenseRejectsEveryChangedImage_RejectsCountAsDefenseSuccess(bool targeted)
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 3);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 30, seed: 3);
        var defense = ProtocolFixture.Memorising("memorising", test);
        var result = new TransferEvaluation(new PureBlackBoxExampleCache()).Run(ProtocolFixture.Cell("memorising", targeted: targeted),
            new TransferInputs(defense, new PureBlackBoxAdversary(), new Fgsm(new FgsmOptions()), ProtocolFixture.Context(train, Fast, "memorising"), test, ProtocolFixture.Options(20)));
        Assert.Multiple(() =>
        {
            Assert.That(result.CleanAccuracy, Is.EqualTo(1.0));
            Assert.That(result.AdversarialRejects, Is.EqualTo(20));
            Assert.That(result.DefenseAccuracy, Is.EqualTo(1.0));
            Assert.That(result.Targets is null, Is.EqualTo(!targeted));
            Assert.That(result.Linf, Has.All.EqualTo(0.3f).Within(1e-6f));
        });
    }

    [Test]
    public void Run_PureBlackBoxTwoDefenses_ExamplesCraftedOnceAndReused()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 4);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 30, seed: 4);
        using var cache = new PureBlackBoxExampleCache();
        var adversary = new CountingAdversary(new PureBlackBoxAdversary());
        var evaluation = new TransferEvaluation(cache);
        var first = evaluation.Run(ProtocolFixture.Cell("always-one"), new TransferInputs(ProtocolFixture.Constant(1, "always-one"), adversary,
            new Fgsm(new FgsmOptions()), ProtocolFixture.Context(train, Fast, "always-one"), test, ProtocolFixture.Options(20)));
        var second = evaluation.Run(ProtocolFixture.Cell("memorising"), new TransferInputs(ProtocolFixture.Memorising("memorising", test), adversary,
            new Fgsm(new FgsmOptions()), ProtocolFixture.Context(train, Fast, "memorising"), test, ProtocolFixture.Options(20)));
        Assert.Multiple(() =>
        {
            Assert.That(adversary.Builds, Is.EqualTo(1));
            Assert.That(first.ExamplesReused, Is.False);
            Assert.That(second.ExamplesReused, Is.True);
            Assert.That(second.L2, Is.EqualTo(first.L2));
            Assert.That(second.SurrogateArtefact, Is.EqualTo(first.SurrogateArtefact));
        });
    }

    [Test]
    public void Run_SmokeVanillaAndPerfectDetector_TransferLowersVanillaAccuracyAndDeltaIsPositive()
    {
        var dataset = ProtocolFixture.Dataset;
        using var train = SyntheticData.Create(dataset, 600, seed: 21);
        using var test = SyntheticData.CreateHeldOut(dataset, 200, seed: 21);
        manual_seed(5);
        using var module = new TinyModelZoo().Create(ModelIds.SmallCnn, new ModelSpec(dataset));
        new LoopNetworkTrainer().TrainOrLoad(new NetworkRequest("vanilla", "backbone", "tiny", new TrainingRecipe
            { Epochs = 3, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 5e-3 }, 5), module, train);
        var backbone = new ModuleClassifier(module, 10, CPU);
        var vanilla = FakeDefense.FromClassifier(backbone, id: "vanilla");
        // A perfect "detector": right on every clean training and test image, Reject on anything else.
        var detector = ProtocolFixture.Memorising("detector", train, test);

        var evaluation = new TransferEvaluation(new PureBlackBoxExampleCache());
        CellResult Run(FakeDefense d) => evaluation.Run(ProtocolFixture.Cell(d.Id, AdversaryIds.OracleJacobian, q: 0.2),
            new TransferInputs(d, new OracleJacobianAdversary(), new Fgsm(new FgsmOptions()), ProtocolFixture.Context(train, Fast, d.Id), test, ProtocolFixture.Options(100)));
        var plain = Run(vanilla);
        var defended = Run(detector);
        TestContext.Out.WriteLine($"vanilla {plain.DefenseAccuracy:F3} (white-box {plain.WhiteBoxSuccessRate:F3}, agreement {plain.SurrogateAgreement:F3}); detector {defended.DefenseAccuracy:F3}");
        Assert.Multiple(() =>
        {
            Assert.That(plain.CleanAccuracy, Is.GreaterThan(0.8));
            Assert.That(plain.SurrogateAgreement, Is.GreaterThan(0.5));
            Assert.That(plain.DefenseAccuracy, Is.LessThan(0.8), "transferred FGSM lowers accuracy below the clean 1.0 of attacked points");
            Assert.That(defended.DefenseAccuracy, Is.EqualTo(1.0));
            Assert.That(TransferScoring.Delta(defended, plain), Is.EqualTo(1.0 - plain.DefenseAccuracy).Within(1e-12).And.GreaterThan(0.2));
        });
    }
}
