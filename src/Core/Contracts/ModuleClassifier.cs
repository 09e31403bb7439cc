using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>
/// Adapts a TorchSharp module to <see cref="IClassifier"/>, in evaluation mode, on the module's device.
/// The module stays owned by the caller.
/// </summary>
public sealed class ModuleClassifier(nn.Module<Tensor, Tensor> module, int numClasses, Device device) : IClassifier
{
    public int NumClasses => numClasses;
    public Device Device => device;
    public nn.Module<Tensor, Tensor> Module => module;

    public Tensor Logits(Tensor images)
    {
        module.eval();
        return module.call(images.device == device ? images : images.to(device));
    }
}
