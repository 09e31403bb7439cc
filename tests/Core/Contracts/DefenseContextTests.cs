using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Contracts;

[NonParallelizable]
public sealed class DefenseContextTests
{
    [Test]
    public void TrainOrLoad_GlobalGeneratorDisturbedBetweenCalls_InitialWeightsFollowTheRequestSeed()
    {
        using var train = new LabeledImages(zeros(4, 1, 28, 28), zeros(4, dtype: int64));
        var trainer = new InitialWeightsTrainer();
        var context = Context(train, trainer);
        var request = new NetworkRequest("test-defense", "backbone", ModelIds.SmallCnn, new TrainingRecipe(), Seed: 21);

        using (context.TrainOrLoadZooModel(request, new ModelSpec(DatasetInfo.FashionMnist))) { }
        torch.manual_seed(999);
        using (rand(100)) { }
        using (context.TrainOrLoadZooModel(request, new ModelSpec(DatasetInfo.FashionMnist))) { }
        using (context.TrainOrLoadZooModel(request with { Seed = 22 }, new ModelSpec(DatasetInfo.FashionMnist))) { }

        Assert.That(trainer.Initial, Has.Count.EqualTo(3));
        Assert.That(trainer.Initial[1].eq(trainer.Initial[0]).all().item<bool>(), Is.True, "the same request seed gives the same initial weights, whatever ran before");
        Assert.That(trainer.Initial[2].eq(trainer.Initial[0]).all().item<bool>(), Is.False, "another request seed gives other initial weights");
    }

    [Test]
    public void TrainOrLoad_Network_ComesBackInEvaluationModeOnTheContextDevice()
    {
        using var train = new LabeledImages(zeros(4, 1, 28, 28), zeros(4, dtype: int64));
        var trainer = new InitialWeightsTrainer();
        var request = new NetworkRequest("test-defense", "backbone", ModelIds.SmallCnn, new TrainingRecipe(), Seed: 1);
        using var network = Context(train, trainer).TrainOrLoadZooModel(request, new ModelSpec(DatasetInfo.FashionMnist));
        Assert.That(trainer.WasTraining, Is.True, "the trainer receives the network as created");
        Assert.That(network.training, Is.False);
        Assert.That(network.parameters().All(p => p.device_type == DeviceType.CPU), Is.True);
    }

    private static DefenseContext Context(LabeledImages train, INetworkTrainer trainer)
    {
        var profile = ProfileCatalog.Default().Get(ProfileNames.Smoke, DatasetIds.FashionMnist);
        return new DefenseContext(DatasetInfo.FashionMnist, train, profile, trainer, new ModelZoo(), CPU, Seed: 0);
    }

    /// <summary>Records the flattened initial weights of every network it is given; trains nothing.</summary>
    private sealed class InitialWeightsTrainer : INetworkTrainer
    {
        public List<Tensor> Initial { get; } = [];
        public bool WasTraining { get; private set; }
        public string VariantId => DenseVariant.VariantId;

        public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
        {
            WasTraining = network.training;
            Initial.Add(cat(network.parameters().Select(p => p.detach().flatten()).ToArray()).clone().DetachFromDisposeScope());
            return new TrainingReport("none", false, 0, 0, 0, new Dictionary<string, double>());
        }
    }
}
