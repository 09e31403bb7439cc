using System.Reflection;

namespace Robustness.Packaging.Tests;

public static class PublicSurface
{
    /// <summary>The full names of the types <paramref name="assembly"/> exports (nested with '+'), in ordinal order.</summary>
    public static List<string> Of(Assembly assembly) =>
        assembly.GetExportedTypes().Select(t => t.FullName ?? t.Name).Order(StringComparer.Ordinal).ToList();
}
