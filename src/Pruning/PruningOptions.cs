using Robustness.Core.Training;
using Robustness.Pruning.Admm;
using Robustness.Pruning.Masks;
using Robustness.Pruning.Slr;

namespace Robustness.Pruning;

/// <summary>
/// How pruning trains (profile section "pruning"; defaults live here). The SLR/ADMM phase and the masked
/// retraining fine-tune an already trained network, so they use their own (smaller) learning rates.
/// </summary>
public sealed record PruningOptions
{
    /// <summary>Epochs of the SLR/ADMM phase (one-shot magnitude pruning has none).</summary>
    public int Epochs { get; init; } = 6;
    /// <summary>Epochs of masked retraining after the hard prune.</summary>
    public int RetrainEpochs { get; init; } = 4;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;
    public double LearningRate { get; init; } = 0.01;
    /// <summary>Start of the cosine-decayed learning rate of masked retraining.</summary>
    public double RetrainLearningRate { get; init; } = 0.01;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 5e-4;
    public int BatchSize { get; init; } = 128;
    /// <summary>Input augmentation while pruning and retraining (the variant takes the network's own recipe's).</summary>
    public Augmentation Augmentation { get; init; } = Augmentation.None;
    /// <summary>Held-out (test) images, the first n, on which a pruning variant measures its per-epoch, hard-pruned and retrained accuracies.</summary>
    public int EvaluationSamples { get; init; } = 1000;
    public SlrOptions Slr { get; init; } = new();
    public AdmmOptions Admm { get; init; } = new();
    public PruningScope Scope { get; init; } = new();

    public TrainingRecipe PhaseRecipe => Recipe(Epochs, LearningRate);
    public TrainingRecipe RetrainRecipe => Recipe(RetrainEpochs, RetrainLearningRate);

    private TrainingRecipe Recipe(int epochs, double learningRate) => new()
    {
        Epochs = epochs, BatchSize = BatchSize, Optimizer = Optimizer, LearningRate = learningRate,
        Momentum = Momentum, WeightDecay = WeightDecay, Schedule = LearningRateSchedule.Constant, Augmentation = Augmentation,
    };

    public void Validate()
    {
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "pruning epochs must be >= 0");
        if (RetrainEpochs < 0) throw new ArgumentOutOfRangeException(nameof(RetrainEpochs), RetrainEpochs, "pruning retrainEpochs must be >= 0");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "pruning batchSize must be >= 1");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "pruning learningRate must be > 0");
        if (!(RetrainLearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(RetrainLearningRate), RetrainLearningRate, "pruning retrainLearningRate must be > 0");
        if (EvaluationSamples < 1) throw new ArgumentOutOfRangeException(nameof(EvaluationSamples), EvaluationSamples, "pruning evaluationSamples must be >= 1");
        Slr.Validate();
        Admm.Validate();
    }
}
