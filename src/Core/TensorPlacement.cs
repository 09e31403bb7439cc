using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core;

public static class TensorPlacement
{
    /// <summary>Whether <paramref name="tensor"/> lives on <paramref name="device"/> ("cuda" without an index means any CUDA device).</summary>
    public static bool IsOn(this Tensor tensor, Device device) =>
        tensor.device_type == device.type && (device.type == DeviceType.CPU || device.index < 0 || tensor.device_index == device.index);
}
