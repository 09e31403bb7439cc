using NUnit.Framework;
using Robustness.Core.Data;
using TorchSharp;

namespace Robustness.Core.Tests.Data;

/// <summary>Checks against the real files where they are installed; skips with a message where they are not.</summary>
public sealed class RealDatasetTests
{
    [TestCase(DatasetIds.Cifar10, 3)]
    [TestCase(DatasetIds.FashionMnist, 1)]
    public void Load_RealTestSplit_HasTenThousandBalancedImages(string dataset, int channels)
    {
        if (!DataDirectory.TryResolve(dataset, null, out var folder))
            Assert.Ignore($"{dataset} is not installed (see datasets/README.md); skipping the real-data check.");
        using var data = DatasetLoader.Load(dataset, DatasetSplit.Test);
        Assert.That(data.Images.shape, Is.EqualTo(new long[] { 10_000, channels, dataset == DatasetIds.Cifar10 ? 32 : 28, dataset == DatasetIds.Cifar10 ? 32 : 28 }), folder);
        var counts = torch.bincount(data.Labels, minlength: 10).data<long>().ToArray();
        Assert.That(counts, Is.All.EqualTo(1000));
        var mean = data.Images.mean().item<float>();
        Assert.That(mean, Is.InRange(0.2f, 0.6f));
    }
}
