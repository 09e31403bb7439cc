using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Testing;
using Robustness.Testing.Adversaries;
using Robustness.Testing.Placement;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Conformance;

/// <summary>
/// CPU guard for GPU placement of every registered defense's networks: <c>to(float64)</c> moves tensors through
/// the same code path as <c>to(cuda)</c>, so a tensor a network reads that is not moved here would stay on the CPU
/// on a GPU. Each network the defense hands to its trainer is checked, then run forward in float64.
/// </summary>
[TestFixtureSource(typeof(RegisteredDefenses), nameof(RegisteredDefenses.Ids))]
[NonParallelizable]
public sealed class DefensePlacementTests(string defenseId)
{
    [Test]
    public void Networks_ToFloat64_MoveEveryTensorTheyReadAndRunForward()
    {
        var dataset = DatasetInfo.FashionMnist;
        using var train = SyntheticData.Create(dataset, 200, seed: 5);
        var networks = new RecordingTrainer();
        var profile = ProfileCatalog.Default().Get(ProfileNames.Smoke, dataset.Id);
        using var defense = RegisteredDefenses.Create(defenseId, profile).Fit(new DefenseContext(dataset, train, profile, networks, new ModelZoo(), CPU, Seed: 11));
        Assert.That(networks.Seen, Is.Not.Empty, $"{defenseId} trains no network through its context");
        foreach (var (request, network, sample) in networks.Seen)
        {
            var name = $"{request.Owner}/{request.Role}";
            network.to(float64);
            Assert.That(StaleTensorFields.In(network), Is.Empty, $"{name}: tensor fields that are not registered parameters or buffers");
            Assert.That(StaleTensorFields.NotOfType(network, float64), Is.Empty, $"{name}: tensor fields left behind by to(float64)");
            using var scope = NewDisposeScope();
            network.eval();
            var output = network.call(sample.to(float64));
            Assert.That(output.dtype, Is.EqualTo(float64), name);
        }
    }

    /// <summary>Records each network with two of its training images; trains nothing.</summary>
    private sealed class RecordingTrainer : INetworkTrainer
    {
        private readonly LoopNetworkTrainer inner = new(train: false);
        public List<(NetworkRequest Request, nn.Module<Tensor, Tensor> Network, Tensor Sample)> Seen { get; } = [];
        public string VariantId => inner.VariantId;

        public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
        {
            Seen.Add((request, network, data.Images.narrow(0, 0, 2).clone().DetachFromDisposeScope()));
            return inner.TrainOrLoad(request, network, data);
        }
    }
}
