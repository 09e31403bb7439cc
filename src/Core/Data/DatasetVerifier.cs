using System.Security.Cryptography;

namespace Robustness.Core.Data;

/// <summary>Outcome of checking one file of a dataset folder against the known copies.</summary>
public sealed record FileCheck(string File, string Sha256, string? MatchedCopy, string? Problem);

/// <summary>Outcome for a dataset folder: which known copy it is, file by file.</summary>
public sealed record DatasetVerification(string Dataset, string Folder, IReadOnlyList<FileCheck> Files)
{
    public bool Ok => Files.Count > 0 && Files.All(f => f.Problem is null);
    public string? Copy => Ok ? Files.Select(f => f.MatchedCopy).Distinct().SingleOrDefault() : null;
}

/// <summary>Checks a dataset folder's files against the SHA-256s kept in datasets/checksums.</summary>
public static class DatasetVerifier
{
    public static DatasetVerification Verify(string dataset, string folder)
    {
        var sets = ChecksumSet.For(dataset).ToList();
        var names = sets.SelectMany(s => s.Sha256ByFile.Keys).Distinct().Order(StringComparer.Ordinal);
        var checks = new List<FileCheck>();
        foreach (var name in names)
        {
            var path = LocateFile(folder, name);
            if (path is null)
            {
                checks.Add(new FileCheck(Path.Combine(folder, name), "", null, "missing"));
                continue;
            }
            var sha = Sha256Hex(IdxReader.ReadAll(path));
            var match = sets.FirstOrDefault(s => s.Sha256ByFile.TryGetValue(name, out var expected) && expected == sha);
            checks.Add(new FileCheck(path, sha, match?.Copy,
                match is null ? $"SHA-256 {sha[..12]}… matches no known copy ({string.Join(", ", sets.Select(s => s.Copy))})" : null));
        }
        return new DatasetVerification(dataset, folder, checks);
    }

    public static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The file itself, or its ".gz" form (checked on decompressed content).</summary>
    private static string? LocateFile(string folder, string name)
    {
        foreach (var candidate in new[] { name, name + ".gz" })
        {
            var path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
