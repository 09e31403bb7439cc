namespace Robustness.Attacks;

/// <summary>Which successful iterate EAD keeps: smallest β·L1 + L2² (elastic net) or smallest L1.</summary>
public enum EadDecisionRule { ElasticNet, L1 }

/// <summary>
/// Chen et al. 2018 — EAD; paper protocol: β 0.01, lr 0.01 (polynomially decayed, power ½), 1000 iterations,
/// 9 binary-search steps from c = 1e-3, confidence 0, elastic-net decision rule, FISTA, no early abort (the
/// evaluated code passed abort_early=False, so every iteration runs).
/// The smoke and quick profiles (profiles.json, "attacks" section) start the search at c = 1 with 3–5 binary
/// steps: from 1e-3, a few steps never reach a c large enough and the attack barely moves the image (a transfer
/// table built on that would look like robustness); ProfileBudgetTests holds them to ≥ 95 % white-box success.
/// </summary>
public sealed record ElasticNetAttackOptions : IAttackOptions
{
    /// <summary>L1 weight β; also the threshold of the projected shrinkage.</summary>
    public double Beta { get; init; } = 0.01;
    public int Steps { get; init; } = 1000;
    public double LearningRate { get; init; } = 0.01;
    public int BinarySearchSteps { get; init; } = 9;
    public double InitialConstant { get; init; } = 1e-3;
    public double Confidence { get; init; }
    public EadDecisionRule DecisionRule { get; init; } = EadDecisionRule.ElasticNet;
    /// <summary>FISTA (momentum slack, the paper's default) or plain ISTA.</summary>
    public bool Fista { get; init; } = true;
    /// <summary>
    /// Stop an example's optimisation when its loss fell by less than 0.01 % over Steps/10 iterations (paper: off;
    /// the quick and smoke profiles turn it on to save time).
    /// </summary>
    public bool AbortEarly { get; init; }
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => null;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale) =>
        this with { Steps = AttackBudget.ScaleIterations(Steps, iterationScale) };
}
