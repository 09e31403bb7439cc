namespace Robustness.Core.Data;

/// <summary>
/// Finds a dataset's folder. Order (DESIGN §6): the --data option → $ROBUSTNESS_DATA → a "shared/datasets"
/// folder beside an ancestor of the working directory → /usr/share/datasets → the user cache
/// (~/.cache/robustness/datasets). The first root holding the dataset's folder wins.
/// </summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "ROBUSTNESS_DATA";

    public static string FolderName(string datasetId) => datasetId switch
    {
        DatasetIds.Cifar10 => "cifar-10-batches-bin",
        DatasetIds.FashionMnist => "fashion-mnist",
        _ => throw new ArgumentException($"Unknown dataset '{datasetId}'.", nameof(datasetId)),
    };

    public static string UserCache =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "robustness", "datasets");

    /// <summary>Candidate roots in resolution order, with where each came from.</summary>
    public static IEnumerable<(string Root, string Source)> Candidates(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) yield return (option, "--data");
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) yield return (env, "$" + EnvironmentVariable);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(shared))
            {
                yield return (shared, "shared/datasets");
                break;
            }
        }
        yield return ("/usr/share/datasets", "system");
        yield return (UserCache, "user cache");
    }

    /// <summary>The folder of <paramref name="datasetId"/>; an explicit option that lacks it is an error.</summary>
    public static string Resolve(string datasetId, string? option = null)
    {
        var folder = FolderName(datasetId);
        foreach (var (root, source) in Candidates(option))
        {
            var path = Path.Combine(root, folder);
            if (Directory.Exists(path)) return path;
            if (source == "--data")
                throw new DirectoryNotFoundException($"--data {option}: no '{folder}' folder there for dataset '{datasetId}'.");
        }
        throw new DirectoryNotFoundException(
            $"Dataset '{datasetId}' not found: no '{folder}' folder in {string.Join(", ", Candidates(option).Select(c => c.Root))}. " +
            "Run 'robustness datasets fetch', install Debian's dataset-fashion-mnist, or set --data / $" + EnvironmentVariable + ".");
    }

    public static bool TryResolve(string datasetId, string? option, out string path)
    {
        try
        {
            path = Resolve(datasetId, option);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            path = "";
            return false;
        }
    }
}
