using NUnit.Framework;
using Robustness.Core.Data;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Data;

public sealed class LabeledImagesTests
{
    [Test]
    public void On_TheDeviceItIsOn_ReturnsTheSetItselfWithoutACopy()
    {
        using var set = new LabeledImages(rand(4, 1, 2, 2), arange(4, dtype: int64));
        var resident = set.On(CPU);
        Assert.That(resident, Is.SameAs(set));
        Assert.That(resident.Images.Handle, Is.EqualTo(set.Images.Handle));
    }
}
