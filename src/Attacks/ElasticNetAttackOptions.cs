namespace Robustness.Attacks;

/// <summary>Which successful iterate EAD keeps: smallest β·L1 + L2² (elastic net) or smallest L1.</summary>
public enum EadDecisionRule { ElasticNet, L1 }

/// <summary>
/// Chen et al. 2018 — EAD; paper protocol: β 0.01, lr 0.01 (polynomially decayed, power ½), 1000 iterations,
/// 9 binary-search steps from c = 1e-3, confidence 0, elastic-net decision rule, FISTA.
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
    /// <summary>Stop an example's optimisation when its loss fell by less than 0.01 % over Steps/10 iterations.</summary>
    public bool AbortEarly { get; init; } = true;
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => null;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale) =>
        this with { Steps = AttackBudget.ScaleIterations(Steps, iterationScale) };
}
