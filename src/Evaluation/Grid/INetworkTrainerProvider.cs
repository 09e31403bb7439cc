using Robustness.Core.Profiles;
using Robustness.Core.Training;

namespace Robustness.Evaluation.Grid;

/// <summary>The network trainer of one backbone variant ("dense", or a pruning variant id) for a profile.</summary>
public interface INetworkTrainerProvider
{
    INetworkTrainer For(string variantId, DatasetProfile profile, EvaluationEnvironment environment);
}
