using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Robustness.Core.Data;

/// <summary>One downloadable file: a tar.gz archive to unpack, or a plain file to keep as is.</summary>
public sealed record DatasetArchive(string Url, string Md5, string Kind = "file", string StripPrefix = "");

public sealed record DatasetSource(IReadOnlyList<DatasetArchive> Archives);

/// <summary>Where the official archives live (datasets/sources.json, embedded; a --sources file replaces it).</summary>
public static class DatasetSources
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static IReadOnlyDictionary<string, DatasetSource> Load(string? path = null)
    {
        string text, source;
        if (path is null)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Robustness.Core.Data.sources.json")!;
            text = new StreamReader(stream).ReadToEnd();
            source = "embedded datasets/sources.json";
        }
        else
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"Sources file '{path}' does not exist.", path);
            text = File.ReadAllText(path);
            source = path;
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, DatasetSource>>(text, Json)
                ?? throw new InvalidDataException($"{source}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }
}
