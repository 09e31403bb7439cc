using static TorchSharp.torch;

namespace Robustness.Defenses.Ecoc;

/// <summary>
/// Sylvester Hadamard matrices H₁ = [1], H₂ₙ = [[Hₙ, Hₙ], [Hₙ, −Hₙ]]: ±1 entries, mutually orthogonal rows, so any
/// two rows differ in exactly half of their bits (Hamming distance n/2, the ECOC code's error-correcting margin).
/// </summary>
public static class HadamardCode
{
    /// <summary>The Sylvester Hadamard matrix of <paramref name="order"/> (a power of two): H[i,j] = (−1)^popcount(i AND j).</summary>
    public static int[,] Sylvester(int order)
    {
        if (order < 1 || (order & (order - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(order), order, "A Sylvester Hadamard matrix needs an order that is a power of two.");
        var h = new int[order, order];
        for (var i = 0; i < order; i++)
            for (var j = 0; j < order; j++)
                h[i, j] = System.Numerics.BitOperations.PopCount((uint)(i & j)) % 2 == 0 ? 1 : -1;
        return h;
    }

    /// <summary>
    /// Codewords [classes, bits] (float32, ±1): rows 1 … classes of the Sylvester matrix of order
    /// <paramref name="bits"/>. Row 0 (all ones) is skipped so every codeword is balanced (bits/2 of each sign).
    /// </summary>
    public static Tensor Codewords(int classes, int bits)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "ECOC needs at least two classes.");
        if (classes >= bits)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"ECOC code length {bits} must exceed the {classes} classes (row 0 of the Hadamard matrix is skipped).");
        var h = Sylvester(bits);
        var rows = new float[classes * bits];
        for (var c = 0; c < classes; c++)
            for (var j = 0; j < bits; j++)
                rows[c * bits + j] = h[c + 1, j];
        return tensor(rows, [classes, bits]);
    }
}
