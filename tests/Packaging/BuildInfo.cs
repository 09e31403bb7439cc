using System.Reflection;

namespace Robustness.Packaging.Tests;

/// <summary>Where the repository is and which configuration built this test (see the csproj).</summary>
public static class BuildInfo
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");
    public static string Configuration => Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} missing.");
}
