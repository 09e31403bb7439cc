namespace Robustness.Evaluation.Fidelity;

/// <summary>One setting a profile runs with another value than the paper profile, for one dataset.</summary>
/// <param name="Setting">Dotted profiles.json path, e.g. "attacks.cw.steps" or "backbone.backboneRecipe.epochs".</param>
public sealed record SettingDifference(string Setting, string Dataset, string Value, string PaperValue);
