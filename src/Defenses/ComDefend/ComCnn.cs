using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// ComCNN: 3×3 convolutions with ELU through <c>widths</c>, then a linear 3×3 convolution to the code channels
/// (the code's sign carries the bit). No down-sampling: the code has the image's resolution.
/// </summary>
internal static class ComCnn
{
    public static nn.Module<Tensor, Tensor> Create(int imageChannels, IReadOnlyList<int> widths, int codeChannels) =>
        ConvStack.Create("com", imageChannels, widths, codeChannels);
}
