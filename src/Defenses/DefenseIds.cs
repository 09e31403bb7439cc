namespace Robustness.Defenses;

/// <summary>Stable kebab-case ids of the built-in defenses, as configs and reports use them.</summary>
public static class DefenseIds
{
    public const string Vanilla = "vanilla";
    public const string Bart = "bart";
    public const string FeatureDistillation = "feature-distillation";
    public const string ComDefend = "comdefend";
    public const string Adp = "adp";
    public const string Ecoc = "ecoc";
    public const string KWta = "k-wta";
    public const string OddsAreOdd = "odds-are-odd";
    public const string DistributionClassifier = "distribution-classifier";
    public const string Buzz8 = "buzz-8";
    public const string Buzz2 = "buzz-2";
}
