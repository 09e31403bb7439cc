namespace Robustness.Core.Contracts;

/// <summary>
/// "Did you mean …?" for a misspelt option, config field or plug-in id: the known name at the smallest edit distance
/// (optimal string alignment, so one swapped pair of letters costs 1), offered only when it is plausibly a typo;
/// otherwise every known name is listed.
/// </summary>
public static class ClosestName
{
    /// <summary>The closest known name, or null when none is within a typo's distance (a third of the name's letters, at least 1).</summary>
    public static string? Find(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(name, k)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(1, name.Length / 3) ? best.Name : null;
    }

    /// <summary>"did you mean 'x'?" when one is close, else "known: a, b, c".</summary>
    public static string Hint(string name, IReadOnlyCollection<string> known, Func<string, string>? format = null)
    {
        format ??= k => $"'{k}'";
        var closest = Find(name, known);
        return closest is not null
            ? $"did you mean {format(closest)}?"
            : $"known: {string.Join(", ", known.Order(StringComparer.Ordinal).Select(format))}";
    }

    /// <summary>Case-insensitive optimal-string-alignment distance.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
