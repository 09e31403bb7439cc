namespace Robustness.Evaluation.Checklist;

/// <summary>One row of the checklist or standards table: what was checked, where, the verdict and the evidence.</summary>
public sealed record CheckVerdict(string Check, string Scope, Verdict Verdict, string Detail);
