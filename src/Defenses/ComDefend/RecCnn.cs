using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>RecCNN: 3×3 convolutions with ELU from the binary code through <c>widths</c> back to the image, sigmoid output in [0,1].</summary>
internal static class RecCnn
{
    public static nn.Module<Tensor, Tensor> Create(int codeChannels, IReadOnlyList<int> widths, int imageChannels) =>
        nn.Sequential(("layers", ConvStack.Create("rec", codeChannels, widths, imageChannels)), ("sigmoid", nn.Sigmoid()));
}
