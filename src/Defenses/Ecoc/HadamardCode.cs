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
                h[i, j] = Entry(i, j);
        return h;
    }

    /// <summary>
    /// Codewords [classes, bits] (float32, ±1): codeword c = s_c · H[r_c] for distinct rows r_c ≠ 0 of the Sylvester
    /// matrix and a sign s_c per class. Rows stay exactly orthogonal (any two codewords differ in bits/2 places) and
    /// balanced, and every column is a distinct, non-constant dichotomy of the classes — no two bits, so no two
    /// sub-networks, learn the same (or the complementary) target, as in the reference's TanhEns32 code, whose row
    /// shuffle and column-0 rewrite serve the same end.
    /// </summary>
    /// <remarks>
    /// Column j restricted to the chosen rows is s ⊙ (−1)^(r_c·j) over GF(2). Two columns j, k coincide up to sign
    /// exactly when r ↦ r·(j⊕k) is constant on the rows, which cannot happen when the rows span GF(2)^log₂(bits)
    /// affinely (<see cref="SpanningRows"/>); a column is constant exactly when s equals ±(−1)^(r·j), which
    /// <see cref="ClassSigns"/> rules out. Both need classes ≥ log₂(bits) + 2.
    /// </remarks>
    public static Tensor Codewords(int classes, int bits)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "ECOC needs at least two classes.");
        if (bits < 2 || (bits & (bits - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "The ECOC code length must be a power of two (Sylvester Hadamard code).");
        if (classes >= bits)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"ECOC code length {bits} must exceed the {classes} classes (row 0 of the Hadamard matrix is skipped).");
        var dimension = System.Numerics.BitOperations.Log2((uint)bits);
        if (classes < dimension + 2)
            throw new ArgumentOutOfRangeException(nameof(bits), bits,
                $"ECOC code length {bits} is too long for {classes} classes: distinct, non-constant bits need at least log2({bits}) + 2 = {dimension + 2} classes.");

        var rows = SpanningRows(classes, bits, dimension);
        var signs = ClassSigns(rows, bits);
        var entries = new float[classes * bits];
        for (var c = 0; c < classes; c++)
            for (var j = 0; j < bits; j++)
                entries[c * bits + j] = signs[c] * Entry(rows[c], j);
        return tensor(entries, [classes, bits]);
    }

    private static int Entry(int row, int column) => System.Numerics.BitOperations.PopCount((uint)(row & column)) % 2 == 0 ? 1 : -1;

    /// <summary>
    /// <paramref name="classes"/> distinct nonzero row indices, ascending, whose affine span is GF(2)^dimension: rows
    /// 1, 2, … are taken greedily while they add an affine direction, then the smallest unused rows fill up.
    /// </summary>
    private static int[] SpanningRows(int classes, int bits, int dimension)
    {
        var chosen = new List<int> { 1 };
        var basis = new int[dimension]; // basis[b]: the difference vector whose highest set bit is b, or 0
        var rank = 0;
        for (var row = 2; row < bits && rank < dimension; row++)
            if (AddToSpan(basis, row ^ chosen[0])) { chosen.Add(row); rank++; }
        for (var row = 2; row < bits && chosen.Count < classes; row++)
            if (!chosen.Contains(row)) chosen.Add(row);
        chosen.Sort();
        return [.. chosen];
    }

    /// <summary>Inserts <paramref name="vector"/> into the GF(2) basis; false when it already lies in the span.</summary>
    private static bool AddToSpan(int[] basis, int vector)
    {
        for (var bit = basis.Length - 1; bit >= 0 && vector != 0; bit--)
        {
            if ((vector >> bit & 1) == 0) continue;
            if (basis[bit] == 0) { basis[bit] = vector; return true; }
            vector ^= basis[bit];
        }
        return false;
    }

    /// <summary>
    /// The most balanced class signs (fewest classes from ⌊classes/2⌋ down negated, first in lexicographic order)
    /// that are not ±(−1)^(r·j) on the rows for any column j: every column s ⊙ H[·, j] is then non-constant.
    /// Every sign pattern up to a global flip is visited, so one exists whenever the rows span affinely and
    /// classes exceed dimension + 1.
    /// </summary>
    private static int[] ClassSigns(int[] rows, int bits)
    {
        var classes = rows.Length;
        for (var negated = classes / 2; negated >= 1; negated--)
            foreach (var subset in Subsets(classes, negated))
            {
                var signs = Enumerable.Repeat(1, classes).ToArray();
                foreach (var c in subset) signs[c] = -1;
                if (Enumerable.Range(0, bits).All(j => !IsConstant(signs, rows, j))) return signs;
            }
        throw new InvalidOperationException($"No class sign pattern makes every bit of the {bits}-bit code non-constant for {classes} classes.");
    }

    private static bool IsConstant(int[] signs, int[] rows, int column)
    {
        var first = signs[0] * Entry(rows[0], column);
        for (var c = 1; c < rows.Length; c++)
            if (signs[c] * Entry(rows[c], column) != first) return false;
        return true;
    }

    /// <summary>The <paramref name="size"/>-element subsets of 0 … n−1 in lexicographic order.</summary>
    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        var subset = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return subset;
            var i = size - 1;
            while (i >= 0 && subset[i] == n - size + i) i--;
            if (i < 0) yield break;
            subset[i]++;
            for (var k = i + 1; k < size; k++) subset[k] = subset[k - 1] + 1;
        }
    }
}
