using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// sRGB ↔ CIE L*a*b* (D65 white) on [N,3,H,W] tensors: sRGB gamma, the linear-RGB → XYZ matrix of ITU-R BT.709,
/// then the CIE 1976 cube-root compression. L ∈ [0,100]; a and b are signed.
/// </summary>
internal static class Lab
{
    private static readonly float[] RgbToXyz = [0.412453f, 0.357580f, 0.180423f, 0.212671f, 0.715160f, 0.072169f, 0.019334f, 0.119193f, 0.950227f];
    private static readonly float[] WhiteD65 = [0.95047f, 1f, 1.08883f];
    private const double Delta = 6.0 / 29.0;

    public static Tensor FromRgb(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var linear = where(rgb.gt(0.04045), ((rgb.clamp_min(0.04045) + 0.055) / 1.055).pow(2.4), rgb / 12.92);
        var xyz = Mix(RgbToXyz, linear, invert: false) / White(rgb);
        var f = where(xyz.gt(Delta * Delta * Delta), xyz.clamp_min(Delta * Delta * Delta).pow(1.0 / 3), xyz / (3 * Delta * Delta) + 4.0 / 29);
        Tensor fx = f.select(1, 0), fy = f.select(1, 1), fz = f.select(1, 2);
        return stack([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)], 1).MoveToOuterDisposeScope();
    }

    /// <summary>The inverse of <see cref="FromRgb"/> (not clamped: colours outside the sRGB gamut leave [0,1]).</summary>
    public static Tensor ToRgb(Tensor lab)
    {
        using var scope = NewDisposeScope();
        var fy = (lab.select(1, 0) + 16) / 116;
        var f = stack([fy + lab.select(1, 1) / 500, fy, fy - lab.select(1, 2) / 200], 1);
        var xyz = where(f.gt(Delta), f.pow(3), 3 * Delta * Delta * (f - 4.0 / 29)) * White(lab);
        var linear = Mix(RgbToXyz, xyz, invert: true);
        return where(linear.gt(0.0031308), 1.055 * linear.clamp_min(0.0031308).pow(1 / 2.4) - 0.055, 12.92 * linear).MoveToOuterDisposeScope();
    }

    private static Tensor White(Tensor like) => tensor(WhiteD65, [1, 3, 1, 1], dtype: like.dtype, device: like.device);

    private static Tensor Mix(float[] matrix, Tensor planes, bool invert)
    {
        var m = tensor(matrix, [3, 3], dtype: ScalarType.Float64, device: planes.device);
        if (invert) m = m.inverse();
        return einsum("ij,njhw->nihw", m.to_type(planes.dtype), planes);
    }
}
