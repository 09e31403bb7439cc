using System.Reflection;

namespace Robustness.Core.Data;

/// <summary>
/// A known copy of a dataset: SHA-256 per file, from datasets/checksums/&lt;dataset&gt;.&lt;copy&gt;.sha256
/// (sha256sum format, embedded in the assembly). Fashion-MNIST sums are of the decompressed content, so the
/// Debian package (normalised gzip headers) and the official archives both match.
/// </summary>
public sealed record ChecksumSet(string Dataset, string Copy, IReadOnlyDictionary<string, string> Sha256ByFile)
{
    private const string Prefix = "Robustness.Core.Data.checksums.";

    public static IReadOnlyList<ChecksumSet> Known { get; } = LoadEmbedded();

    public static IEnumerable<ChecksumSet> For(string dataset) => Known.Where(k => k.Dataset == dataset);

    public static ChecksumSet Parse(string dataset, string copy, string text, string source)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length != 64)
                throw new InvalidDataException($"{source}: line {lineNumber} is not '<sha256>  <file>'");
            sums[parts[1].TrimStart('*')] = parts[0].ToLowerInvariant();
        }
        return new ChecksumSet(dataset, copy, sums);
    }

    private static List<ChecksumSet> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var sets = new List<ChecksumSet>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var stem = name[Prefix.Length..^".sha256".Length];
            var dot = stem.IndexOf('.', StringComparison.Ordinal);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            sets.Add(Parse(stem[..dot], stem[(dot + 1)..], reader.ReadToEnd(), name));
        }
        return sets;
    }
}
