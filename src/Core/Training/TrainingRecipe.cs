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
    public double WeightDecay { get; init; } = 5e-4;
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;
    /// <summary>Epoch fractions at which a Step schedule divides the rate by 10.</summary>
    public double[] StepMilestones { get; init; } = [0.5, 0.75];
    public Augmentation Augmentation { get; init; } = Augmentation.None;
}
