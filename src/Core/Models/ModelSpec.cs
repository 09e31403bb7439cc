using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>How to build a zoo model for a dataset.</summary>
/// <param name="Dataset">Input shape, classes and normalisation statistics.</param>
/// <param name="Outputs">Width of the last layer; defaults to the number of classes (ECOC uses code bits).</param>
/// <param name="Activation">Factory for every hidden activation; defaults to ReLU (k-WTA swaps it).</param>
/// <param name="InputSize">Resize inputs to this square size inside the model before the first layer (buffer zones).</param>
/// <param name="Layout">Memory layout of the activations from the input stage on.</param>
public sealed record ModelSpec(
    DatasetInfo Dataset,
    int? Outputs = null,
    Func<nn.Module<Tensor, Tensor>>? Activation = null,
    int? InputSize = null,
    MemoryLayout Layout = MemoryLayout.ChannelsLast)
{
    public int OutputCount => Outputs ?? Dataset.NumClasses;
    public nn.Module<Tensor, Tensor> NewActivation() => Activation?.Invoke() ?? nn.ReLU();
}
