using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>
/// The orthonormal 8×8 DCT-II of JPEG, applied to every 8×8 block of a batch of planes as two matrix products
/// (C = D·B·Dᵀ, B = Dᵀ·C·D) on tensors. Planes are [N,C,H,W] with H and W multiples of 8; coefficients are
/// [N,C,H/8,W/8,8,8] with index [.., u, v] = vertical frequency u, horizontal frequency v.
/// </summary>
internal static class BlockDct
{
    public const int Size = 8;

    /// <summary>D[k,n] = α(k)·cos(π(2n+1)k/16), α(0) = √(1/8), α(k>0) = √(2/8).</summary>
    public static Tensor Matrix(Device device, ScalarType dtype = ScalarType.Float32)
    {
        var values = new float[Size * Size];
        for (var k = 0; k < Size; k++)
            for (var n = 0; n < Size; n++)
                values[k * Size + n] = (float)((k == 0 ? Math.Sqrt(1.0 / Size) : Math.Sqrt(2.0 / Size))
                    * Math.Cos(Math.PI * (2 * n + 1) * k / (2.0 * Size)));
        return tensor(values, new long[] { Size, Size }, dtype: dtype, device: device);
    }

    public static Tensor Forward(Tensor planes)
    {
        CheckShape(planes);
        using var scope = NewDisposeScope();
        long n = planes.shape[0], c = planes.shape[1], bh = planes.shape[2] / Size, bw = planes.shape[3] / Size;
        var blocks = planes.reshape(n, c, bh, Size, bw, Size).permute(0, 1, 2, 4, 3, 5);
        var d = Matrix(planes.device, planes.dtype);
        return d.matmul(blocks).matmul(d.t()).MoveToOuterDisposeScope();
    }

    public static Tensor Inverse(Tensor coefficients)
    {
        using var scope = NewDisposeScope();
        long n = coefficients.shape[0], c = coefficients.shape[1], bh = coefficients.shape[2], bw = coefficients.shape[3];
        var d = Matrix(coefficients.device, coefficients.dtype);
        var blocks = d.t().matmul(coefficients).matmul(d);
        return blocks.permute(0, 1, 2, 4, 3, 5).reshape(n, c, bh * Size, bw * Size).MoveToOuterDisposeScope();
    }

    /// <summary>Pads [N,C,H,W] on the bottom and right (edge replication) to multiples of 8.</summary>
    public static Tensor PadToBlocks(Tensor planes)
    {
        var padH = (int)((Size - planes.shape[2] % Size) % Size);
        var padW = (int)((Size - planes.shape[3] % Size) % Size);
        return padH == 0 && padW == 0
            ? planes.alias()
            : nn.functional.pad(planes, new long[] { 0, padW, 0, padH }, PaddingModes.Replicate);
    }

    private static void CheckShape(Tensor planes)
    {
        if (planes.dim() != 4 || planes.shape[2] % Size != 0 || planes.shape[3] % Size != 0)
            throw new ArgumentException(
                $"BlockDct needs [N,C,H,W] planes with H and W multiples of {Size}; got [{string.Join(",", planes.shape)}].",
                nameof(planes));
    }
}
