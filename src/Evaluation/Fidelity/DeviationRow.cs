namespace Robustness.Evaluation.Fidelity;

/// <summary>One difference in force for a run: a component's documented difference or a profile setting.</summary>
/// <param name="Component">"kind id", e.g. "attack ead".</param>
/// <param name="Deliberate">"yes", "no", "no (tracking)" or "profile".</param>
public sealed record DeviationRow(string Component, string Aspect, string Framework, string Paper, string Source, string Deliberate);
