using System.Text.RegularExpressions;

namespace Robustness.Evaluation.Store;

/// <summary>
/// A run name keys the store and names the report folder reports/&lt;run&gt;/, so it must be one plain path segment:
/// it starts with a letter or digit and holds only letters, digits, '.', '_' and '-' — never empty, '.', '..' or a path.
/// </summary>
public static partial class RunNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>Null when <paramref name="name"/> is usable, else the one-line error naming <paramref name="option"/>.</summary>
    public static string? Problem(string? name, string option = "--run") => IsValid(name) ? null
        : $"{option} '{name}': a run name starts with a letter or digit and holds only letters, digits, '.', '_' and '-' (it names the folder reports/<run>/).";

    public static void Ensure(string? name, string option = "--run")
    {
        if (Problem(name, option) is { } problem) throw new ArgumentException(problem);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z")]
    private static partial Regex Pattern();
}
