using Robustness.Core.Models;
using Robustness.Core.Training;

namespace Robustness.Attacks.Adversaries;

/// <summary>
/// Settings of both adversary models; profile section "adversaries". Defaults are the paper's protocol
/// (Mahmood et al. 2021, DESIGN §4).
/// </summary>
public sealed record AdversaryOptions
{
    public const string SectionName = "adversaries";

    /// <summary>Zoo id of the surrogate (paper: conv64-64-pool-128-128-pool-fc256-dropout 0.5-fc256, both adversaries).</summary>
    public string SurrogateArchitecture { get; init; } = ModelIds.SurrogateCnnDropout;

    /// <summary>Training rounds of the oracle adversary; an augmentation sits between consecutive rounds.</summary>
    public int Rounds { get; init; } = 4;

    public int EpochsPerRound { get; init; } = 10;

    /// <summary>Adam learning rate of the surrogate.</summary>
    public double LearningRate { get; init; } = 1e-4;

    public int BatchSize { get; init; } = 128;

    /// <summary>Jacobian augmentation step size λ (on the [0,1] image scale).</summary>
    public double Lambda { get; init; } = 0.1;

    public LambdaSchedule LambdaSchedule { get; init; } = LambdaSchedule.Periodic;

    /// <summary>Output differentiated by the augmentation, and clipping (paper's code: the logit, unclipped).</summary>
    public JacobianRule JacobianRule { get; init; } = JacobianRule.LogitSign;

    /// <summary>τ of the periodic schedule: augmentations between sign flips.</summary>
    public int LambdaPeriod { get; init; } = 3;

    public LabellingMode Labelling { get; init; } = LabellingMode.RelabelAll;

    /// <summary>
    /// Training length of the pure black-box surrogate in epochs over the profile's FULL training set (paper: 300 on
    /// CIFAR-10, 100 on Fashion-MNIST; the paper profile sets both). It fixes a number of optimiser steps,
    /// <see cref="PureBlackBoxSteps"/>, that runs whatever q: a q = 1 % surrogate takes as many steps as a 100 % one
    /// (over more epochs of its smaller set) instead of stopping after a handful of batches.
    /// </summary>
    public int PureBlackBoxEpochs { get; init; } = 100;

    /// <summary>Batch size of the Jacobian computation (memory only; no effect on results).</summary>
    public int GradientBatchSize { get; init; } = 256;

    public AdversaryOptions Validated()
    {
        Check(!string.IsNullOrWhiteSpace(SurrogateArchitecture), nameof(SurrogateArchitecture), SurrogateArchitecture);
        Check(Rounds >= 1, nameof(Rounds), Rounds);
        Check(EpochsPerRound >= 1, nameof(EpochsPerRound), EpochsPerRound);
        Check(LearningRate > 0, nameof(LearningRate), LearningRate);
        Check(BatchSize >= 1, nameof(BatchSize), BatchSize);
        Check(Lambda > 0, nameof(Lambda), Lambda);
        Check(LambdaPeriod >= 1, nameof(LambdaPeriod), LambdaPeriod);
        Check(PureBlackBoxEpochs >= 1, nameof(PureBlackBoxEpochs), PureBlackBoxEpochs);
        Check(GradientBatchSize >= 1, nameof(GradientBatchSize), GradientBatchSize);
        return this;
    }

    /// <summary>λ_ρ of augmentation ρ (0-based), signed by <see cref="LambdaSchedule"/>.</summary>
    public double LambdaAt(int augmentation) => LambdaSchedule switch
    {
        LambdaSchedule.Constant => Lambda,
        _ => (augmentation / LambdaPeriod) % 2 == 0 ? -Lambda : Lambda,
    };

    /// <summary>Optimiser steps of the pure black-box surrogate: <see cref="PureBlackBoxEpochs"/> × ⌈full training set / BatchSize⌉.</summary>
    public long PureBlackBoxSteps(long fullTrainCount) => PureBlackBoxEpochs * BatchesPerEpoch(fullTrainCount);

    /// <summary>Whole epochs over a set of <paramref name="setSize"/> images that run at least <paramref name="steps"/> steps.</summary>
    public int EpochsFor(long steps, long setSize) => (int)Math.Max(1, (steps + BatchesPerEpoch(setSize) - 1) / BatchesPerEpoch(setSize));

    private long BatchesPerEpoch(long count) => Math.Max(1, (count + BatchSize - 1) / BatchSize);

    /// <summary>Surrogate recipe: Adam, constant rate, no weight decay, no augmentation.</summary>
    public TrainingRecipe Recipe(int epochs) => new()
    {
        Epochs = epochs,
        BatchSize = BatchSize,
        Optimizer = OptimizerKind.Adam,
        LearningRate = LearningRate,
        WeightDecay = 0,
        Schedule = LearningRateSchedule.Constant,
        Augmentation = Augmentation.None,
    };

    private static void Check(bool ok, string field, object? value)
    {
        if (!ok) throw new ArgumentException($"profile section '{SectionName}': {field} = {value ?? "null"} is invalid.", field);
    }
}
