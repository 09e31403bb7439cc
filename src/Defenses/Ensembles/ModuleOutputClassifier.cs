using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Ensembles;

/// <summary>
/// A differentiable classifier made of a trained module and a decoding of its raw output into class logits
/// (ADP: log of the averaged member softmax; ECOC: log of the code-correlation probabilities). Owns the module.
/// </summary>
public sealed class ModuleOutputClassifier(nn.Module<Tensor, Tensor> module, Func<Tensor, Tensor> decode, int numClasses, Device device)
    : IClassifier, IDisposable
{
    public int NumClasses => numClasses;
    public nn.Module<Tensor, Tensor> Module => module;
    public Device Device => device;

    /// <summary>The module's raw output (member logits, code-bit scores) in evaluation mode.</summary>
    public Tensor RawOutput(Tensor images)
    {
        module.eval();
        return module.call(images.device == device ? images : images.to(device));
    }

    public Tensor Logits(Tensor images) => decode(RawOutput(images));

    public void Dispose() => module.Dispose();
}
