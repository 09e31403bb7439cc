using Robustness.Pruning.Training;

namespace Robustness.Pruning.Admm;

/// <summary>
/// ADMM pruning baseline on the same loop as SLR: every epoch one epoch of SGD on loss + Σ(ρ/2)‖W − Z + U‖²;
/// every <see cref="AdmmOptions.UpdateEvery"/> epochs, unconditionally, Z ← Π_S(W + U), U ← U + W − Z
/// (i.e. Λ ← Λ + ρ(W − Z)) and ρ ← min(ρ·growth, max).
/// </summary>
public sealed class AdmmPruner(AdmmOptions options) : IPruningMethod
{
    public PruningMethod Method => PruningMethod.Admm;

    public IReadOnlyList<PruningEpochLog> Run(PruningContext context)
    {
        options.Validate();
        var rho = options.Rho;
        using var split = new SplitVariables(context.Layers, context.Projection);
        var log = new List<PruningEpochLog>();
        for (var epoch = 1; epoch <= context.Epochs; epoch++)
        {
            var currentRho = rho;
            var trainLoss = context.Runner.RunEpoch(context.Train, () => split.Penalty(currentRho),
                progress: context.Progress, name: "admm", epoch: epoch, epochs: context.Epochs);
            var update = epoch % options.UpdateEvery == 0;
            if (update)
            {
                split.ReplaceZ(split.ProjectedZ(rho));
                split.StepMultipliers(rho);
            }
            var entry = new PruningEpochLog(epoch, 0, double.NaN, double.NaN, null, null, update, rho,
                split.ResidualNormSum(), trainLoss, context.HardPrunedAccuracy());
            if (update) rho = Math.Min(rho * options.RhoGrowth, Math.Max(options.MaxRho, options.Rho));
            log.Add(entry);
            context.Report(entry);
        }
        return log;
    }
}
