using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Models;

public sealed class ModelZooTests
{
    private static readonly ModelZoo Zoo = new();

    private static IEnumerable<TestCaseData> Cases() =>
        from id in ModelIds.All from dataset in new[] { DatasetInfo.Cifar10, DatasetInfo.FashionMnist }
        select new TestCaseData(id, dataset).SetArgDisplayNames(id, dataset.Id);

    [TestCaseSource(nameof(Cases))]
    public void Create_EveryIdAndDataset_ReturnsLogitsOfRequestedWidth(string id, DatasetInfo dataset)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = Zoo.Create(id, new ModelSpec(dataset, Outputs: 7));
        model.eval();
        var logits = model.call(rand(2, dataset.Channels, dataset.Height, dataset.Width));
        Assert.That(logits.shape, Is.EqualTo(new long[] { 2, 7 }));
        Assert.That(logits.isfinite().all().item<bool>(), Is.True);
    }

    [TestCaseSource(nameof(Cases))]
    public void Create_CustomActivation_ReplacesEveryReLU(string id, DatasetInfo dataset)
    {
        var created = 0;
        using var model = Zoo.Create(id, new ModelSpec(dataset, Activation: () => { created++; return new CountingActivation(); }));
        var modules = model.modules().ToList();
        Assert.That(modules.OfType<TorchSharp.Modules.ReLU>(), Is.Empty);
        Assert.That(modules.OfType<CountingActivation>().Count(), Is.EqualTo(created));
        Assert.That(created, Is.GreaterThanOrEqualTo(3));
        using var scope = NewDisposeScope();
        model.eval();
        model.call(rand(2, dataset.Channels, dataset.Height, dataset.Width));
        Assert.That(modules.OfType<CountingActivation>().All(a => a.Calls > 0), Is.True, "every activation is on the forward path");
    }

    [TestCaseSource(nameof(Cases))]
    public void Create_ChannelsLastAndContiguous_AgreeOnLogitsAndInputGradient(string id, DatasetInfo dataset)
    {
        using var scope = NewDisposeScope();
        var x = rand(4, dataset.Channels, dataset.Height, dataset.Width, generator: new Generator(1));
        var results = new[] { MemoryLayout.Contiguous, MemoryLayout.ChannelsLast }.Select(layout =>
        {
            manual_seed(0);
            var model = Zoo.Create(id, new ModelSpec(dataset, Layout: layout));
            model.eval();
            var input = x.detach().requires_grad_(true);
            var logits = model.call(input);
            var gradient = autograd.grad([logits.sum()], [input])[0];
            return (Logits: logits.detach(), Gradient: gradient);
        }).ToArray();
        Assert.That(results[0].Logits.allclose(results[1].Logits, rtol: 1e-4, atol: 1e-5), Is.True, "logits");
        Assert.That(results[0].Gradient.allclose(results[1].Gradient, rtol: 1e-3, atol: 1e-5), Is.True, "input gradient");
    }

    [Test]
    public void InputStage_ChannelsLast_ReturnsNhwcStridesOfTheSameLogicalTensor()
    {
        using var scope = NewDisposeScope();
        var x = rand(2, 3, 5, 7);
        var nhwc = new InputStage(DatasetInfo.Cifar10, null, MemoryLayout.ChannelsLast).call(x);
        var nchw = new InputStage(DatasetInfo.Cifar10, null, MemoryLayout.Contiguous).call(x);
        Assert.That(nhwc.stride(), Is.EqualTo(new long[] { 5 * 7 * 3, 1, 7 * 3, 3 }));
        Assert.That(nchw.stride(), Is.EqualTo(new long[] { 3 * 5 * 7, 5 * 7, 7, 1 }));
        Assert.That(nhwc.eq(nchw).all().item<bool>(), Is.True);
    }

    [Test]
    public void Create_InputSize_ResizesInsideTheModel()
    {
        using var scope = NewDisposeScope();
        using var model = (TorchSharp.Modules.Sequential)Zoo.Create(ModelIds.SurrogateCnn, new ModelSpec(DatasetInfo.Cifar10, InputSize: 20));
        var stage = model.children().OfType<InputStage>().Single();
        Assert.That(stage.call(rand(3, 3, 32, 32)).shape, Is.EqualTo(new long[] { 3, 3, 20, 20 }));
        // fc1 was sized for 20×20 inputs: a 32×32 batch only fits because the model resizes it.
        Assert.That(model.call(rand(3, 3, 32, 32)).shape, Is.EqualTo(new long[] { 3, 10 }));
    }

    /// <summary>
    /// The paper's surrogate: dropout 0.5 between the first fc256's activation and the second fc256, nowhere else; no
    /// parameters of its own, so from one seed it equals the plain surrogate in evaluation and differs in training.
    /// </summary>
    [Test]
    public void Create_SurrogateWithDropout_HalfDropoutAfterFirstDenseLayerOnly()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var plain = (TorchSharp.Modules.Sequential)Zoo.Create(ModelIds.SurrogateCnn, new ModelSpec(DatasetInfo.Cifar10));
        manual_seed(3);
        using var paper = (TorchSharp.Modules.Sequential)Zoo.Create(ModelIds.SurrogateCnnDropout, new ModelSpec(DatasetInfo.Cifar10));
        var names = paper.named_children().Select(c => c.name).ToList();
        Assert.That(names.SkipWhile(n => n != "act5").Take(3), Is.EqualTo(new[] { "act5", "dropout", "fc2" }));
        var dropout = paper.named_children().Single(c => c.name == "dropout").module;
        Assert.That(dropout, Is.InstanceOf<TorchSharp.Modules.Dropout>());
        Assert.That(paper.modules().OfType<TorchSharp.Modules.Dropout>().Count(), Is.EqualTo(1));
        Assert.That(plain.modules().OfType<TorchSharp.Modules.Dropout>(), Is.Empty);

        var x = rand(8, 3, 32, 32, generator: new Generator(1));
        plain.eval();
        paper.eval();
        Assert.That(paper.call(x).allclose(plain.call(x)), Is.True, "evaluation: dropout is the identity");
        paper.train();
        manual_seed(5);
        var trained = paper.call(x);
        Assert.That(trained.allclose(plain.call(x)), Is.False, "training: half the fc1 activations are dropped");
    }

    [Test]
    public void Create_VggOnFashionMnist_ResizesTo32()
    {
        using var model = Zoo.Create(ModelIds.VggSlimBn, new ModelSpec(DatasetInfo.FashionMnist));
        Assert.That(model.modules().OfType<InputStage>().Single().Size, Is.EqualTo(32));
    }

    [Test]
    public void InputStage_Normalises_WithDatasetStatistics()
    {
        using var scope = NewDisposeScope();
        using var stage = new InputStage(DatasetInfo.FashionMnist, null, MemoryLayout.ChannelsLast);
        var output = stage.call(full(1, 1, 28, 28, DatasetInfo.FashionMnist.Mean[0]));
        Assert.That(output.abs().max().item<float>(), Is.LessThan(1e-6f));
    }

    [Test]
    public void Create_UnknownId_ThrowsNamingTheId() =>
        Assert.That(() => Zoo.Create("no-such-net", new ModelSpec(DatasetInfo.Cifar10)),
            Throws.ArgumentException.With.Message.Contains("no-such-net"));

    private sealed class CountingActivation() : nn.Module<Tensor, Tensor>("counting")
    {
        public int Calls { get; private set; }

        public override Tensor forward(Tensor input)
        {
            Calls++;
            return input.relu();
        }
    }
}
