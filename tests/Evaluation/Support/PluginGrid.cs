using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>
/// A folder holding generated Fashion-MNIST files and a grid config scoring the sample plug-in defense
/// (sample-blur, which trains its own small CNN in Fit) on clean and noise cells over three seeds.
/// </summary>
public sealed class PluginGrid : IDisposable
{
    public PluginGrid()
    {
        Directory = new TempDirectory();
        DatasetFiles.WriteFashionMnist(DataRoot, 600);
        File.WriteAllText(ConfigPath, """
            {
              "name": "plugin-grid", "profile": "smoke", "datasets": ["fashion-mnist"], "variants": ["dense"],
              "baseline": "sample-blur", "defenses": [], "adversaries": [], "attacks": [],
              "seeds": [0, 1, 2], "attackedPoints": 100
            }
            """);
    }

    public TempDirectory Directory { get; }
    public string Root => Directory.Path;
    public string DataRoot => Path.Combine(Root, "data");
    public string ConfigPath => Path.Combine(Root, "plugin-grid.json");
    public const string RunId = "plugin-grid-smoke";

    public string[] Evaluate(string store, string reports) =>
        ["evaluate", "--config", ConfigPath, "--store", store, "--data", DataRoot, "--plugin", BuiltArtifacts.SamplePlugin,
         "--artefacts", Path.Combine(Root, "artefacts"), "--reports", reports];

    public void Dispose() => Directory.Dispose();
}
