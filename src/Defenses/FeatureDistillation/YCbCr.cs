using static TorchSharp.torch;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>The JPEG (JFIF) colour transform on tensors, on the 0–255 scale, level-shifted by −128 for the DCT.</summary>
internal static class YCbCr
{
    private static readonly float[] Forward =
    [
        0.299f, 0.587f, 0.114f,
        -0.168736f, -0.331264f, 0.5f,
        0.5f, -0.418688f, -0.081312f,
    ];

    /// <summary>[N,3,H,W] RGB in [0,1] → level-shifted YCbCr (Y−128, Cb, Cr centred on 0) on the 0–255 scale.</summary>
    public static Tensor FromRgb(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var m = tensor(Forward, new long[] { 3, 3 }, device: rgb.device);
        var centred = rgb * 255f;
        var ycc = einsum("ij,njhw->nihw", m, centred);
        var shift = tensor(new[] { -128f, 0f, 0f }, device: rgb.device).view(1, 3, 1, 1);
        return (ycc + shift).MoveToOuterDisposeScope();
    }

    /// <summary>The inverse of <see cref="FromRgb"/>, back to [0,1] RGB (not clamped).</summary>
    public static Tensor ToRgb(Tensor ycc)
    {
        using var scope = NewDisposeScope();
        var m = tensor(Forward, new long[] { 3, 3 }, dtype: ScalarType.Float64, device: ycc.device).inverse().to_type(ycc.dtype);
        var shift = tensor(new[] { 128f, 0f, 0f }, device: ycc.device).view(1, 3, 1, 1);
        return (einsum("ij,njhw->nihw", m, ycc + shift) / 255f).MoveToOuterDisposeScope();
    }
}
