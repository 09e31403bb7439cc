using Robustness.Core.Contracts;

namespace Robustness.Evaluation.Grid;

/// <summary>A fitted defense, its trainer (artefact hashes) and the seconds Fit took in this process.</summary>
public sealed record FittedDefense(IFittedDefense Defense, RecordingNetworkTrainer Trainer, double FitSeconds);
