using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>
/// A folder with generated Fashion-MNIST files and a smoke grid whose baseline is the built-in vanilla backbone
/// (trained through the artefact store, with per-epoch checkpoints): clean and noise cells over two seeds, 4 cells.
/// Every command names its store and artefact folder explicitly, so tests can put either on a tiny disk.
/// </summary>
public sealed class FaultGrid : IDisposable
{
    public const string RunId = "faults-smoke";

    public FaultGrid()
    {
        Directory = new TempDirectory();
        DatasetFiles.WriteFashionMnist(DataRoot, 600);
        File.WriteAllText(ConfigPath, """
            {
              "name": "faults", "profile": "smoke", "datasets": ["fashion-mnist"], "variants": ["dense"],
              "baseline": "vanilla", "defenses": [], "adversaries": [], "attacks": [],
              "seeds": [0, 1], "attackedPoints": 50
            }
            """);
    }

    public TempDirectory Directory { get; }
    public string Root => Directory.Path;
    public string DataRoot => Path.Combine(Root, "data");
    public string ConfigPath => Path.Combine(Root, "faults.json");

    public string[] Evaluate(string store, string artefacts, string reports, params string[] extra) =>
        ["evaluate", "--config", ConfigPath, "--store", store, "--data", DataRoot, "--artefacts", artefacts, "--reports", reports, .. extra];

    public void Dispose() => Directory.Dispose();
}
