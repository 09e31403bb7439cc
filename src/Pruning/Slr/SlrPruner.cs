using Robustness.Pruning.Training;

namespace Robustness.Pruning.Slr;

/// <summary>
/// Surrogate Lagrangian Relaxation pruning. Each epoch: (W-step) one epoch of SGD on loss + Σ(ρ/2)‖W − Z + Λ/ρ‖²;
/// if the surrogate Lagrangian L(W, Z, Λ) = f(W) + Σ⟨Λ, W − Z⟩ + (ρ/2)‖W − Z‖² decreased, update Λ by the SLR rule;
/// (Z-step) Z ← Π_S(W + Λ/ρ); if L decreased in Z, update Λ again. The rule's step index k advances with every
/// fired update (<see cref="SurrogateMultiplierUpdate"/>). f is measured on the first
/// <see cref="SlrOptions.ConditionSamples"/> training examples in evaluation mode.
/// </summary>
public sealed class SlrPruner(SlrOptions options) : IPruningMethod
{
    public PruningMethod Method => PruningMethod.Slr;

    public IReadOnlyList<PruningEpochLog> Run(PruningContext context)
    {
        options.Validate();
        var rho = options.Rho;
        using var split = new SplitVariables(context.Layers, context.Projection);
        using var conditionData = context.Train.Take(options.ConditionSamples);
        var rule = new SurrogateMultiplierUpdate(options, split.ResidualNorm());
        var log = new List<PruningEpochLog>();
        for (var epoch = 1; epoch <= context.Epochs; epoch++)
        {
            var before = context.TaskLoss(conditionData) + split.ConstraintTerms(rho);
            var trainLoss = context.Runner.RunEpoch(context.Train, () => split.Penalty(rho),
                progress: context.Progress, name: "slr", epoch: epoch, epochs: context.Epochs);
            var after = context.TaskLoss(conditionData) + split.ConstraintTerms(rho);
            var wUpdate = rule.Apply(after < before, split);

            var candidate = split.ProjectedZ(rho);
            var zHeld = split.ConstraintTerms(rho, candidate) < split.ConstraintTerms(rho); // f(W) is the same on both sides
            split.ReplaceZ(candidate);
            var zUpdate = rule.Apply(zHeld, split);

            var entry = new PruningEpochLog(epoch, rule.K, zUpdate.StepSize, zUpdate.Alpha, wUpdate.ConditionHeld, zUpdate.ConditionHeld, true,
                rho, split.ResidualNormSum(), trainLoss, context.HardPrunedAccuracy());
            log.Add(entry);
            context.Report(entry);
        }
        return log;
    }
}
