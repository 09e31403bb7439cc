using Robustness.Pruning.Masks;
using Robustness.Pruning.Projections;
using Robustness.Pruning.Tests.Support;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests;

public sealed class NetworkPrunerTests
{
    private static TinyProblem problem = null!;

    [OneTimeSetUp]
    public static void TrainOnce() => problem = TinyProblem.Trained();

    [OneTimeTearDown]
    public static void Release() => problem.Dispose();

    private static PruningOptions Options(int epochs = 2, int retrain = 2) =>
        new() { Epochs = epochs, RetrainEpochs = retrain, BatchSize = 32, EvaluationSamples = 100 };

    [Test]
    public void Prune_AnyTypeWithRetraining_MasksStayExact(
        [Values(SparsityType.Irregular, SparsityType.Filter, SparsityType.Column, SparsityType.Pattern)] SparsityType type)
    {
        using var network = problem.CopyOfNetwork();
        using var result = new NetworkPruner(Options(epochs: 1, retrain: 1)).Prune(network, new PruningSpec(PruningMethod.Admm, 0.75, type),
            problem.Train, problem.Test, CPU, seed: 1);

        foreach (var layer in result.Mask.Layers)
        {
            var weight = LayerSelection.Find(network, layer.Name);
            var mask = result.Mask[layer.Name];
            Assert.That((weight * (1 - mask)).count_nonzero().item<long>(), Is.Zero, $"{layer.Name}: pruned weights stay zero");
            Assert.That(weight.count_nonzero().item<long>(), Is.EqualTo(result.Mask.Kept(layer.Name)), $"{layer.Name}: kept weights are trained, not zero");
        }
        Assert.That(result.Sparsity.PrunedLayerSparsity, Is.GreaterThanOrEqualTo(0.74));
        Assert.That(result.Sparsity.SparseFlops, Is.LessThan(result.Sparsity.DenseFlops));
    }

    [Test]
    public void Prune_MagnitudeWithoutRetraining_ExcludedLayersUntouchedAndPrunedToRatio()
    {
        using var network = problem.CopyOfNetwork();
        var before = LayerSelection.WeightLayers(network).ToDictionary(l => l.Name, l => l.Weight.detach().clone());
        using var result = new NetworkPruner(Options(retrain: 0)).Prune(network, PruningSpec.Parse("magnitude-0.8-irregular"),
            problem.Train, problem.Test, CPU, seed: 1);

        foreach (var name in LayerSelection.Excluded(network, new PruningScope()))
            Assert.That(LayerSelection.Find(network, name).allclose(before[name], rtol: 0, atol: 0), Is.True, name);
        foreach (var layer in result.Sparsity.Layers.Where(l => l.Pruned))
            Assert.That(layer.NonZero, Is.EqualTo(layer.Weights - (long)Math.Round(0.8 * layer.Weights)), layer.Name);
        Assert.That(result.Log, Is.Empty);
        Assert.That(result.HardPrunedAccuracy, Is.EqualTo(result.RetrainedAccuracy));
        foreach (var d in before.Values) d.Dispose();
    }

    [Test]
    public void Prune_SlrOnTinyProblem_StepIndexCountsFiredMultiplierUpdates()
    {
        using var network = problem.CopyOfNetwork();
        var seen = new List<PruningEpochLog>();
        using var result = new NetworkPruner(Options(epochs: 3, retrain: 0)).Prune(network, PruningSpec.Parse("slr-0.8-irregular"),
            problem.Train, problem.Test, CPU, seed: 1, onEpoch: seen.Add);

        // Two attempts per epoch (after the W-step, after the Z-step); the first fires unconditionally, later ones
        // when their condition held. k after an epoch is 1 + the updates fired so far, not the epoch number.
        var fired = 0;
        var expectedK = new List<int>();
        foreach (var entry in result.Log)
        {
            foreach (var held in new[] { entry.WConditionHeld!.Value, entry.ZConditionHeld!.Value })
                if (held || fired == 0) fired++;
            expectedK.Add(1 + fired);
        }
        Assert.That(result.Log.Select(l => l.K), Is.EqualTo(expectedK));
        Assert.That(result.Log[0].K, Is.GreaterThanOrEqualTo(2), "the first update always fires");
        Assert.That(seen, Is.EqualTo(result.Log));
        Assert.That(result.Log.All(l => l.HardPrunedAccuracy is >= 0 and <= 1 && l.ResidualNorm > 0), Is.True);
        foreach (var entry in result.Log) TestContext.Out.WriteLine(entry);
    }

    [Test]
    public void Prune_SlrBesideAdmmAtEqualEpochs_ReportsHardPruneAccuracy()
    {
        TestContext.Out.WriteLine($"smoke problem: tiny CNN, 256 synthetic 16×16 images (noise 0.3), 3 pruning epochs, 1 retraining epoch, seed 1; accuracy on 256 held-out images");
        foreach (var ratio in new[] { 0.9, 0.97 })
        {
            var accuracies = new Dictionary<PruningMethod, (double Hard, double Retrained)>();
            foreach (var method in Enum.GetValues<PruningMethod>())
            {
                using var network = problem.CopyOfNetwork();
                using var result = new NetworkPruner(Options(epochs: 3, retrain: 1)).Prune(network, new PruningSpec(method, ratio, SparsityType.Irregular),
                    problem.Train, problem.Test, CPU, seed: 1);
                accuracies[method] = (result.HardPrunedAccuracy, result.RetrainedAccuracy);
                TestContext.Out.WriteLine(FormattableString.Invariant(
                    $"{result.Spec.Id,-24} dense {result.DenseAccuracy:P1}  hard-pruned {result.HardPrunedAccuracy:P1}  retrained {result.RetrainedAccuracy:P1}  sparsity {result.Sparsity.PrunedLayerSparsity:P1}"));
            }
            Assert.That(accuracies.Values.All(a => a.Hard is >= 0 and <= 1 && a.Retrained is >= 0 and <= 1), Is.True);
        }
    }

    [Test]
    public void Prune_MemberEnsemble_EveryMemberKeepsDenseFirstConvolutionAndClassifier()
    {
        using var ensemble = new TinyEnsemble(3);
        using var result = new NetworkPruner(Options(retrain: 0)).Prune(ensemble, PruningSpec.Parse("magnitude-0.8-irregular"),
            problem.Train, problem.Test, CPU, seed: 1);

        var layers = result.Sparsity.Layers.ToDictionary(l => l.Name);
        for (var i = 0; i < 3; i++)
        {
            foreach (var dense in new[] { "conv1", "fc2" })
                Assert.That(layers[$"members.{i}.{dense}"].NonZero, Is.EqualTo(layers[$"members.{i}.{dense}"].Weights), $"member {i} {dense} stays dense");
            foreach (var pruned in new[] { "conv2", "conv3", "fc1" })
                Assert.That(layers[$"members.{i}.{pruned}"].Sparsity, Is.EqualTo(0.8).Within(0.01), $"member {i} {pruned} is pruned");
        }
    }
}
