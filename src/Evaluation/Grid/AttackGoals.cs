namespace Robustness.Evaluation.Grid;

/// <summary>Goal names used in configs, cell ids and reports.</summary>
public static class AttackGoals
{
    public const string Untargeted = "untargeted";
    public const string Targeted = "targeted";
    public static readonly IReadOnlyList<string> All = [Untargeted, Targeted];
}
