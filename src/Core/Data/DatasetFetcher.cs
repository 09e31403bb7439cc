using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Robustness.Core.Data;

/// <summary>
/// Downloads a dataset's official archives, checks their MD5 (the checksums the publishers give), and unpacks
/// them into &lt;root&gt;/&lt;dataset folder&gt;. Nothing lands in the target folder unless every archive checked out:
/// files are staged in a temporary folder beside it and moved in at the end.
/// </summary>
public sealed class DatasetFetcher(HttpClient http)
{
    public async Task<string> FetchAsync(string dataset, DatasetSource source, string root, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var target = Path.Combine(root, DataDirectory.FolderName(dataset));
        var staging = Directory.CreateDirectory(Path.Combine(root, $".{DataDirectory.FolderName(dataset)}.partial-{Environment.ProcessId}")).FullName;
        try
        {
            foreach (var archive in source.Archives)
            {
                progress?.Report($"downloading {archive.Url}");
                var bytes = await http.GetByteArrayAsync(archive.Url, ct).ConfigureAwait(false);
                var md5 = Convert.ToHexStringLower(MD5.HashData(bytes));
                if (!string.Equals(md5, archive.Md5, StringComparison.OrdinalIgnoreCase))
                    throw new InvalidDataException($"{archive.Url}: MD5 {md5}, expected {archive.Md5}: download corrupt or not the official archive");
                Unpack(archive, bytes, staging);
            }
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(staging))
                File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            progress?.Report($"unpacked into {target}");
            return target;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void Unpack(DatasetArchive archive, byte[] bytes, string staging)
    {
        var fileName = Path.GetFileName(new Uri(archive.Url).AbsolutePath);
        switch (archive.Kind)
        {
            case "file":
                File.WriteAllBytes(Path.Combine(staging, fileName), bytes);
                break;
            case "tar.gz":
                using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
                using (var tar = new TarReader(gzip))
                {
                    while (tar.GetNextEntry() is { } entry)
                    {
                        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                        var name = entry.Name.StartsWith(archive.StripPrefix, StringComparison.Ordinal) ? entry.Name[archive.StripPrefix.Length..] : entry.Name;
                        if (name.Length == 0 || name.Contains('/') || name.Contains("..", StringComparison.Ordinal)) continue;
                        entry.ExtractToFile(Path.Combine(staging, name), overwrite: true);
                    }
                }
                break;
            default:
                throw new InvalidDataException($"{archive.Url}: unknown archive kind '{archive.Kind}' (file or tar.gz)");
        }
    }
}
