namespace Robustness.Pruning;

/// <summary>Plug-in ids of the pruning methods (kebab-case, as variant ids and the CLI spell them).</summary>
public static class PruningIds
{
    public const string Slr = "slr";
    public const string Admm = "admm";
    public const string Magnitude = "magnitude";
    public const string RigL = "rigl";
}
