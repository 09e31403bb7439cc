using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Testing.Placement;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Models;

/// <summary>
/// CPU guard for GPU placement: <c>to(float64)</c> moves tensors through the same code path as <c>to(cuda)</c>,
/// so a tensor the forward reads that stays float32 here would stay on the CPU there.
/// </summary>
public sealed class ModelPlacementTests
{
    private static readonly ModelZoo Zoo = new();

    private static IEnumerable<TestCaseData> Cases() =>
        from id in ModelIds.All from dataset in new[] { DatasetInfo.Cifar10, DatasetInfo.FashionMnist }
        select new TestCaseData(id, dataset).SetArgDisplayNames(id, dataset.Id);

    [TestCaseSource(nameof(Cases))]
    public void To_Float64_MovesEveryTensorTheForwardReads(string id, DatasetInfo dataset)
    {
        manual_seed(0);
        using var model = Zoo.Create(id, new ModelSpec(dataset));
        model.to(float64);
        Assert.That(StaleTensorFields.In(model), Is.Empty, "tensor fields that are not registered parameters or buffers");
        Assert.That(StaleTensorFields.NotOfType(model, float64), Is.Empty, "tensor fields left behind by to(float64)");
        Assert.That(model.parameters().Concat(model.buffers()).Where(is_floating_point).All(t => t.dtype == float64), Is.True);
        using var scope = NewDisposeScope();
        model.eval();
        var logits = model.call(rand(2, dataset.Channels, dataset.Height, dataset.Width, dtype: float64));
        Assert.That(logits.dtype, Is.EqualTo(float64));
    }
}
