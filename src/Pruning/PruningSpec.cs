using System.Globalization;
using Robustness.Pruning.Projections;

namespace Robustness.Pruning;

/// <summary>What to prune to: method, global ratio and sparsity type. Its id is "method-ratio-type", e.g. "slr-0.8-irregular".</summary>
public sealed record PruningSpec(PruningMethod Method, double Ratio, SparsityType Type)
{
    public string Id => $"{PruningMethods.Format(Method)}-{Ratio.ToString("0.###", CultureInfo.InvariantCulture)}-{SparsityTypes.Format(Type)}";

    public static bool LooksLikeId(string id) => id.Split('-').Length == 3 && Enum.GetValues<PruningMethod>().Any(m => id.StartsWith(PruningMethods.Format(m) + "-", StringComparison.Ordinal));

    public static PruningSpec Parse(string id)
    {
        var parts = id.Split('-');
        if (parts.Length != 3)
            throw new ArgumentException($"Pruning variant id '{id}' must read method-ratio-type, e.g. 'slr-0.8-irregular'.", nameof(id));
        if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
            throw new ArgumentException($"Pruning variant id '{id}': ratio '{parts[1]}' must be a number in [0, 1].", nameof(id));
        return new PruningSpec(PruningMethods.Parse(parts[0]), ratio, SparsityTypes.Parse(parts[2]));
    }

    public override string ToString() => Id;
}
