using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>The identity variant: networks stay as trained.</summary>
public sealed class DenseVariant : INetworkVariant
{
    public const string VariantId = "dense";
    public static readonly DenseVariant Instance = new();
    public string Id => VariantId;
    public void Apply(nn.Module<Tensor, Tensor> network, NetworkRequest request, LabeledImages data, Device device) { }
}
