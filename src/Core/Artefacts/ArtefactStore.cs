using System.Text.Json;
using Robustness.Core.Profiles;

namespace Robustness.Core.Artefacts;

/// <summary>
/// A content-addressed local store. An artefact is a directory <c>objects/&lt;hash&gt;/</c> (weights as safetensors
/// and manifest.json) committed atomically from a staging directory; <c>work/&lt;hash&gt;/</c> keeps checkpoints so a
/// killed training resumes in another process; <c>locks/&lt;hash&gt;.lock</c> serialises producers of one key.
/// Root: the option, else env ROBUSTNESS_ARTEFACTS, else ./.artefacts.
/// </summary>
public sealed class ArtefactStore
{
    public const string EnvironmentVariable = "ROBUSTNESS_ARTEFACTS";
    public const string ManifestFile = "manifest.json";

    public ArtefactStore(string? root = null)
    {
        Root = Path.GetFullPath(ResolveRoot(root));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static string ResolveRoot(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : Path.Combine(Environment.CurrentDirectory, ".artefacts");

    /// <summary>The key hash: SHA-256 of the canonical JSON of <paramref name="keyFields"/>.</summary>
    public static string HashOf(object keyFields) => CanonicalJson.Sha256(keyFields);

    public string PathOf(string hash) => Path.Combine(Root, "objects", Checked(hash));

    public bool Exists(string hash) => File.Exists(Path.Combine(PathOf(hash), ManifestFile));

    /// <summary>A persistent scratch directory for <paramref name="hash"/> (checkpoints); survives crashes.</summary>
    public string WorkDirectory(string hash)
    {
        var dir = Path.Combine(Root, "work", Checked(hash));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public ArtefactLock Lock(string hash, TimeSpan? timeout = null) =>
        ArtefactLock.Acquire(Path.Combine(Root, "locks", Checked(hash) + ".lock"), timeout ?? TimeSpan.FromHours(12));

    /// <summary>
    /// Writes an artefact: <paramref name="write"/> fills a staging directory, file hashes go into the manifest,
    /// and the directory is renamed into place. An existing artefact with the same hash is kept (first one wins).
    /// </summary>
    public ArtefactManifest Commit(ArtefactManifest manifest, Action<string> write)
    {
        var final = PathOf(manifest.Hash);
        if (Exists(manifest.Hash)) return Open(manifest.Hash);
        var staging = Path.Combine(Root, "staging", $"{manifest.Hash}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            write(staging);
            manifest.Files = Directory.GetFiles(staging).OrderBy(f => f, StringComparer.Ordinal)
                .ToDictionary(f => Path.GetFileName(f), FileSha256);
            File.WriteAllText(Path.Combine(staging, ManifestFile), JsonSerializer.Serialize(manifest, ProfileJson.Options));
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true); // a manifest-less leftover
            Directory.Move(staging, final);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return manifest;
    }

    /// <summary>Reads the manifest and verifies every file's SHA-256; a mismatch names the file.</summary>
    public ArtefactManifest Open(string hash)
    {
        var dir = PathOf(hash);
        var manifestPath = Path.Combine(dir, ManifestFile);
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"Artefact {hash} does not exist in {Root}.", manifestPath);
        ArtefactManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ArtefactManifest>(File.ReadAllText(manifestPath), ProfileJson.Options)
                ?? throw new InvalidDataException("empty manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Artefact manifest '{manifestPath}' is not valid JSON: {e.Message}", e);
        }
        foreach (var (name, expected) in manifest.Files)
        {
            var file = Path.Combine(dir, name);
            if (!File.Exists(file)) throw new InvalidDataException($"Artefact file '{file}' is missing (listed in its manifest).");
            var actual = FileSha256(file);
            if (actual != expected)
                throw new InvalidDataException($"Artefact file '{file}' is corrupt: SHA-256 {actual}, manifest says {expected}. Delete '{dir}' to rebuild it.");
        }
        return manifest;
    }

    public string FilePath(string hash, string name) => Path.Combine(PathOf(hash), name);

    public void DeleteWorkDirectory(string hash)
    {
        var dir = Path.Combine(Root, "work", Checked(hash));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    public static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static string Checked(string hash) =>
        hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) ? hash
        : throw new ArgumentException($"'{hash}' is not a lower-case SHA-256 hex artefact hash.", nameof(hash));
}
