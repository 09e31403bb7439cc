using System.Text.RegularExpressions;

namespace Robustness.Core.Contracts;

public static partial class PluginIds
{
    public static bool IsValid(string id) => KebabCase().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9.@-]*$")]
    private static partial Regex KebabCase();
}
