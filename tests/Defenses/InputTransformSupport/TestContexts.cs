using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.InputTransformSupport;

/// <summary>
/// Smoke-profile defense contexts on synthetic data with Core's real <see cref="NetworkTrainer"/> (artefact store in
/// a temporary directory the caller owns) and <see cref="ModelZoo"/> (the smoke backbone is small-cnn).
/// </summary>
public static class TestContexts
{
    public static DefenseContext Smoke(DatasetInfo dataset, LabeledImages train, TempDirectory artefacts, out RecordingTrainer trainer, long seed = 7)
    {
        trainer = new RecordingTrainer(new NetworkTrainer(new ArtefactStore(artefacts.Path), CPU));
        return new DefenseContext(dataset, train, ProfileCatalog.Default().Get(ProfileNames.Smoke, dataset.Id), trainer, new ModelZoo(), CPU, seed);
    }

    public static double Accuracy(Tensor predictions, Tensor labels) =>
        predictions.eq(labels).to_type(ScalarType.Float64).mean().item<double>();
}
