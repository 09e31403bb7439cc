using Robustness.Attacks;
using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Testing;
using Robustness.Testing.Adversaries;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class OracleJacobianSmokeTests
{
    [Test]
    public void BuildSurrogate_SmokeProblem_AgreesFarAboveChanceAndTransferLowersOracleAccuracy()
    {
        var dataset = AdversaryFixture.Dataset;
        using var train = SyntheticData.Create(dataset, 1000, seed: 21);
        using var test = SyntheticData.CreateHeldOut(dataset, 300, seed: 21);

        // The oracle: a tiny CNN trained on the full synthetic training set.
        manual_seed(5);
        using var oracleModule = new TinyModelZoo().Create(ModelIds.SmallCnn, new ModelSpec(dataset));
        new LoopNetworkTrainer().TrainOrLoad(new NetworkRequest("oracle", "backbone", "tiny", new TrainingRecipe
            { Epochs = 2, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3 }, 5), oracleModule, train);
        var oracleClassifier = new ModuleClassifier(oracleModule, 10, CPU);
        var oracle = FakeDefense.FromClassifier(oracleClassifier);

        var context = AdversaryFixture.Context(train, new LoopNetworkTrainer(),
            """{ "surrogateArchitecture": "tiny-mlp", "rounds": 2, "epochsPerRound": 5, "learningRate": 0.01, "batchSize": 32 }""", test.Images);
        using var result = new OracleJacobianAdversary().BuildSurrogate(context, oracle, new AdversaryBudget(0.1, 9));

        // Attack the first 200 test images the oracle classifies correctly, FGSM on the surrogate, ε = 0.3.
        using var oracleLabels = oracle.Predict(test.Images);
        var correct = oracleLabels.eq(test.Labels).nonzero().flatten();
        var selected = correct.narrow(0, 0, Math.Min(200, correct.shape[0]));
        using var images = test.Images.index_select(0, selected);
        using var labels = test.Labels.index_select(0, selected);
        using var attack = new Fgsm(new FgsmOptions()).Run(result.Surrogate, images, labels, AttackGoal.Untargeted(0.3), new Generator(1));
        var adversarialAccuracy = oracle.Predict(attack.Adversarial).eq(labels).to_type(ScalarType.Float32).mean().item<float>();

        TestContext.Out.WriteLine($"agreement {result.Agreement:F3}, queries {result.Queries}, set {result.TrainingSetSize}, oracle accuracy on adversarial {adversarialAccuracy:F3}");
        Assert.Multiple(() =>
        {
            Assert.That(selected.shape[0], Is.GreaterThan(100), "the oracle must have learned the smoke problem");
            Assert.That(result.Queries, Is.EqualTo(100 + 200), "relabel-all, 2 rounds: n + 2n");
            Assert.That(result.Agreement, Is.GreaterThan(0.5), "chance is 0.1");
            Assert.That(adversarialAccuracy, Is.LessThan(0.8f), "clean accuracy on these points is 1");
        });
    }
}
