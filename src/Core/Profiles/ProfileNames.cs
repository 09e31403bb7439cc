namespace Robustness.Core.Profiles;

public static class ProfileNames
{
    public const string Smoke = "smoke";
    public const string Quick = "quick";
    public const string Paper = "paper";
    public static readonly IReadOnlyList<string> All = [Smoke, Quick, Paper];
}
