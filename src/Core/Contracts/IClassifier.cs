using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>A differentiable classifier. Images are float32 [N,C,H,W] in [0,1]; normalisation lives inside.</summary>
public interface IClassifier
{
    int NumClasses { get; }

    /// <summary>Logits [N,K]; autograd-capable with respect to <paramref name="images"/>.</summary>
    Tensor Logits(Tensor images);
}
