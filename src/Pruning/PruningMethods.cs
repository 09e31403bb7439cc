namespace Robustness.Pruning;

public static class PruningMethods
{
    public static string Format(PruningMethod method) => method.ToString().ToLowerInvariant();

    public static PruningMethod Parse(string text)
    {
        foreach (var method in Enum.GetValues<PruningMethod>())
            if (Format(method) == text.Trim().ToLowerInvariant()) return method;
        throw new ArgumentException(
            $"Unknown pruning method '{text}'. Known: {string.Join(", ", Enum.GetValues<PruningMethod>().Select(Format))}.", nameof(text));
    }
}
