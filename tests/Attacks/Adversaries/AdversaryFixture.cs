using Robustness.Attacks.Adversaries;
using Robustness.Core.Data;
using Robustness.Testing.Adversaries;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests.Adversaries;

/// <summary>Builds adversary contexts over synthetic Fashion-MNIST-shaped data with tiny models.</summary>
internal static class AdversaryFixture
{
    public static readonly DatasetInfo Dataset = DatasetInfo.FashionMnist;

    public static AdversaryContext Context(LabeledImages train, LoopNetworkTrainer trainer, string adversariesJson, Tensor? heldOut = null, string oracleKey = "fake") =>
        new(Dataset, train, TestProfiles.Smoke(Dataset.Id, $$"""{ "adversaries": {{adversariesJson}} }"""),
            trainer, new TinyModelZoo(), CPU, oracleKey, heldOut);

    /// <summary>A deterministic labeller: label = ⌊100·mean pixel⌋ mod 10.</summary>
    public static Tensor MeanLabels(Tensor images) =>
        (images.mean([1, 2, 3]) * 100).floor().to_type(ScalarType.Int64).remainder(10);

    /// <summary>Rejects the positions 3, 7, 11, ... of every Predict call (⌊m/4⌋ of m).</summary>
    public static Tensor EveryFourthRejected(Tensor images) =>
        MeanLabels(images).masked_fill(arange(images.shape[0]).remainder(4).eq(3), Robustness.Core.Contracts.Labels.Reject);
}
