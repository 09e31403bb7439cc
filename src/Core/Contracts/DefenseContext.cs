using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>Everything a defense needs to fit itself: data, profile, shared services, device, seed.</summary>
/// <param name="Dataset">Which dataset (shape, classes).</param>
/// <param name="Train">The training set as the profile defines it (CPU tensors, owned by the caller).</param>
/// <param name="Profile">smoke / quick / paper settings for this dataset.</param>
/// <param name="Networks">Trains or loads every network a defense owns (cached, resumable, variant-aware).</param>
public sealed record DefenseContext(
    DatasetInfo Dataset,
    LabeledImages Train,
    DatasetProfile Profile,
    INetworkTrainer Networks,
    IModelZoo Zoo,
    Device Device,
    long Seed,
    IProgress<TrainingProgress>? Progress = null);
