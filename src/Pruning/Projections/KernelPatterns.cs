using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>
/// The library of 4-entry patterns for 3×3 kernels (PCONV-style): every pattern keeps the centre; four keep the
/// centre and three arms of the cross, four keep the centre, two adjacent arms and the corner between them.
/// Positions are row-major indices 0..8 of the kernel.
/// </summary>
internal static class KernelPatterns
{
    public const int EntriesPerPattern = 4;

    public static readonly IReadOnlyList<int[]> Library =
    [
        [1, 3, 4, 5], [1, 4, 5, 7], [3, 4, 5, 7], [1, 3, 4, 7],
        [0, 1, 3, 4], [1, 2, 4, 5], [3, 4, 6, 7], [4, 5, 7, 8],
    ];

    /// <summary>The library as a float 0/1 matrix [patterns, 9].</summary>
    public static Tensor AsMatrix()
    {
        var data = new float[Library.Count * 9];
        for (var p = 0; p < Library.Count; p++)
            foreach (var position in Library[p]) data[p * 9 + position] = 1f;
        return tensor(data, new long[] { Library.Count, 9 });
    }
}
