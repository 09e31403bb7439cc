using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.InputTransformSupport;

/// <summary>Smoke-profile defense contexts on synthetic data, with the test-local trainer and zoo.</summary>
public static class TestContexts
{
    public static DefenseContext Smoke(DatasetInfo dataset, LabeledImages train, LocalNetworkTrainer trainer, long seed = 7) =>
        new(dataset, train, ProfileCatalog.Default().Get(ProfileNames.Smoke, dataset.Id), trainer, new TinyModelZoo(), CPU, seed);

    public static double Accuracy(Tensor predictions, Tensor labels) =>
        predictions.eq(labels).to_type(ScalarType.Float64).mean().item<double>();
}
