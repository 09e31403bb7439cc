using System.Text.Json.Nodes;
using NUnit.Framework;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Training;

public sealed class NetworkTrainerTests
{
    private static readonly TrainingRecipe Recipe = new()
    {
        Epochs = 1, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 0.002, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
    };

    private string root = "";

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("network-tests-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    private static nn.Module<Tensor, Tensor> NewModel(long seed)
    {
        manual_seed(seed);
        return new ModelZoo().Create(ModelIds.SmallCnn, new ModelSpec(DatasetInfo.FashionMnist));
    }

    private static NetworkRequest Request(long seed = 1) => new("vanilla", "backbone", ModelIds.SmallCnn, Recipe, seed);

    [Test]
    public void TrainOrLoad_SecondCall_LoadsTheSameWeightsFromTheStore()
    {
        using var data = SyntheticData.Create(DatasetInfo.FashionMnist, 96, seed: 1);
        var trainer = new NetworkTrainer(new ArtefactStore(root), CPU);
        using var first = NewModel(1);
        var trained = trainer.TrainOrLoad(Request(), first, data);
        using var second = NewModel(2);
        var loaded = trainer.TrainOrLoad(Request(), second, data);
        Assert.That(trained.FromCache, Is.False);
        Assert.That(loaded.FromCache, Is.True);
        Assert.That(loaded.ArtefactHash, Is.EqualTo(trained.ArtefactHash));
        foreach (var (a, b) in first.parameters().Zip(second.parameters()))
            Assert.That(a.eq(b).all().item<bool>(), Is.True);
        var manifest = new ArtefactStore(root).Open(trained.ArtefactHash);
        Assert.That(manifest.DataSha256["images"], Is.EqualTo(TensorHash.Sha256(data.Images)));
        Assert.That(manifest.Files.Keys, Does.Contain(NetworkTrainer.WeightsFile));
        Assert.That(Directory.Exists(Path.Combine(root, "work", trained.ArtefactHash)), Is.False, "work directory is removed after commit");
    }

    [Test]
    public void DenseHash_SeedDataOrConfigChange_ChangesTheKey()
    {
        using var data = SyntheticData.Create(DatasetInfo.FashionMnist, 32, seed: 1);
        using var other = SyntheticData.Create(DatasetInfo.FashionMnist, 32, seed: 2);
        var trainer = new NetworkTrainer(new ArtefactStore(root), CPU);
        var baseline = trainer.DenseHash(Request(), data);
        Assert.That(trainer.DenseHash(Request(), data), Is.EqualTo(baseline));
        Assert.That(trainer.DenseHash(Request(seed: 2), data), Is.Not.EqualTo(baseline));
        Assert.That(trainer.DenseHash(Request(), other), Is.Not.EqualTo(baseline));
        Assert.That(trainer.DenseHash(Request() with { Config = new Dictionary<string, string> { ["alpha"] = "2" } }, data), Is.Not.EqualTo(baseline));
        Assert.That(trainer.DenseHash(Request() with { Recipe = Recipe with { Epochs = 2 } }, data), Is.Not.EqualTo(baseline));
    }

    [Test]
    public void TrainOrLoad_WithVariant_AppliesOnceAndCachesItsOwnArtefact()
    {
        using var data = SyntheticData.Create(DatasetInfo.FashionMnist, 64, seed: 1);
        var variant = new ZeroFirstLayerVariant();
        var store = new ArtefactStore(root);
        using var first = NewModel(1);
        var report = new NetworkTrainer(store, CPU, variant).TrainOrLoad(Request(), first, data);
        using var second = NewModel(2);
        var again = new NetworkTrainer(store, CPU, variant).TrainOrLoad(Request(), second, data);
        Assert.That(variant.Applied, Is.EqualTo(1));
        Assert.That(again.FromCache, Is.True);
        Assert.That(again.ArtefactHash, Is.EqualTo(report.ArtefactHash));
        Assert.That(report.ArtefactHash, Is.Not.EqualTo(new NetworkTrainer(store, CPU).DenseHash(Request(), data)));
        Assert.That(second.parameters().First().abs().sum().item<float>(), Is.Zero);
        using var dense = NewModel(3);
        Assert.That(new NetworkTrainer(store, CPU).TrainOrLoad(Request(), dense, data).FromCache, Is.True, "the dense artefact is reused");
        Assert.That(dense.parameters().First().abs().sum().item<float>(), Is.GreaterThan(0f));
    }

    [Test]
    public void TrainOrLoad_SameVariantIdOtherSettings_AppliesAgainUnderAnotherArtefact()
    {
        using var data = SyntheticData.Create(DatasetInfo.FashionMnist, 64, seed: 1);
        var store = new ArtefactStore(root);
        var twoEpochs = new ZeroFirstLayerVariant(new JsonObject { ["epochs"] = 2 });
        var fiveEpochs = new ZeroFirstLayerVariant(new JsonObject { ["epochs"] = 5 });
        using var first = NewModel(1);
        var report = new NetworkTrainer(store, CPU, twoEpochs).TrainOrLoad(Request(), first, data);
        using var second = NewModel(1);
        var other = new NetworkTrainer(store, CPU, fiveEpochs).TrainOrLoad(Request(), second, data);

        Assert.That(other.FromCache, Is.False, "a variant whose settings differ is not the cached one");
        Assert.That(fiveEpochs.Applied, Is.EqualTo(1));
        Assert.That(other.ArtefactHash, Is.Not.EqualTo(report.ArtefactHash));
        Assert.That(store.Open(other.ArtefactHash).Key["settings"]?["epochs"]?.GetValue<int>(), Is.EqualTo(5));
    }

    [Test]
    public void TensorHash_SameContent_SameHash_DifferentContent_DifferentHash()
    {
        using var scope = NewDisposeScope();
        var a = arange(12, dtype: float32).reshape(3, 4);
        Assert.That(TensorHash.Sha256(a), Is.EqualTo(TensorHash.Sha256(a.clone())));
        Assert.That(TensorHash.Sha256(a), Is.Not.EqualTo(TensorHash.Sha256(a.reshape(4, 3))));
        Assert.That(TensorHash.Sha256(a), Is.Not.EqualTo(TensorHash.Sha256(a + 1)));
        Assert.That(TensorHash.Sha256(a.t()), Is.EqualTo(TensorHash.Sha256(a.t().contiguous())));
    }

    [Test]
    public void ClassifierAccuracy_KnownPredictions_CountsCorrectOnes()
    {
        using var scope = NewDisposeScope();
        using var data = new LabeledImages(zeros(5, 1, 2, 2), tensor(new long[] { 0, 1, 1, 0, 1 }));
        var always1 = new ConstantClassifier(1);
        Assert.That(ClassifierAccuracy.Evaluate(always1, data, batchSize: 2), Is.EqualTo(0.6).Within(1e-12));
    }

    private sealed class ConstantClassifier(int label) : IClassifier
    {
        public int NumClasses => 2;
        public Tensor Logits(Tensor images) => nn.functional.one_hot(full(images.shape[0], (long)label, int64), 2).to(float32);
    }

    private sealed class ZeroFirstLayerVariant(JsonNode? settings = null) : INetworkVariant
    {
        public int Applied { get; private set; }
        public string Id => "zero-first";
        public JsonNode? Settings => settings;

        public void Apply(nn.Module<Tensor, Tensor> network, NetworkRequest request, LabeledImages data, Device device)
        {
            Applied++;
            using var noGrad = no_grad();
            network.parameters().First().zero_();
        }
    }
}
