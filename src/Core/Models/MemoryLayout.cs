namespace Robustness.Core.Models;

/// <summary>
/// How a zoo model lays out its activations in memory. The logical shape stays [N, C, H, W] either way; only the
/// strides differ, so results agree up to floating-point summation order.
/// </summary>
public enum MemoryLayout
{
    /// <summary>Row-major N, C, H, W: libtorch's oneDNN convolutions reorder to a blocked layout and back on every call.</summary>
    Contiguous,

    /// <summary>
    /// N, H, W, C strides ("channels last"): oneDNN convolves in place without reorders, which measured 1.05–1.5× faster
    /// training and input gradients on the zoo models on CPU (bench/README.md). The default.
    /// </summary>
    ChannelsLast,
}
