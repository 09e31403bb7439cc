using System.Reflection;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>Paths of the CLI and the sample plug-in as built with this test project (see the csproj).</summary>
public static class BuiltArtifacts
{
    public static string CliAssembly => Path.GetFullPath(Metadata("CliAssembly"));
    public static string SamplePlugin => Path.GetFullPath(Metadata("SamplePlugin"));

    private static string Metadata(string key) =>
        typeof(BuiltArtifacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} missing.");
}
