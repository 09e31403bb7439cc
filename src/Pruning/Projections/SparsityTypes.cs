namespace Robustness.Pruning.Projections;

/// <summary>Kebab-case names of <see cref="SparsityType"/> as ids and configs spell them.</summary>
public static class SparsityTypes
{
    public static string Format(SparsityType type) => type.ToString().ToLowerInvariant();

    public static SparsityType Parse(string text)
    {
        foreach (var type in Enum.GetValues<SparsityType>())
            if (Format(type) == text.Trim().ToLowerInvariant()) return type;
        throw new ArgumentException(
            $"Unknown sparsity type '{text}'. Known: {string.Join(", ", Enum.GetValues<SparsityType>().Select(Format))}.", nameof(text));
    }
}
