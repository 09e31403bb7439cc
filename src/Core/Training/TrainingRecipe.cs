namespace Robustness.Core.Training;

public enum OptimizerKind { Sgd, Adam }
public enum LearningRateSchedule { Constant, Cosine, Step }
public enum Augmentation { None, PadCropFlip }

/// <summary>How a network is trained. Part of every artefact key.</summary>
public sealed record TrainingRecipe
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 128;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;
    public double LearningRate { get; init; } = 0.1;
    public double Momentum { get; init; } = 0.9;
    /// <summary>Nesterov momentum (SGD only).</summary>
    public bool Nesterov { get; init; }
    public double WeightDecay { get; init; } = 5e-4;
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;
    /// <summary>Schedules are applied per batch, on the fraction of training done. Epoch fractions at which a Step schedule divides the rate by 10.</summary>
    public double[] StepMilestones { get; init; } = [0.5, 0.75];
    public Augmentation Augmentation { get; init; } = Augmentation.None;
}
