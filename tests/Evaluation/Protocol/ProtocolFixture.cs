using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Evaluation.Protocol;
using Robustness.Testing.Adversaries;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Protocol;

internal static class ProtocolFixture
{
    public static readonly DatasetInfo Dataset = DatasetInfo.FashionMnist;

    public static TransferCell Cell(string defense, string adversary = AdversaryIds.PureBlackBox, bool targeted = false, double q = 1.0) =>
        new(Dataset.Id, "smoke", defense, adversary, q, AttackIds.Fgsm, targeted, 0, 0.3);

    public static CellResult Result(TransferCell cell, double defenseAccuracy) => new()
    {
        Cell = cell, DefenseAccuracy = defenseAccuracy, WhiteBoxSuccessRate = 1, CleanAccuracy = 1, CleanTestImages = 1,
        AdversarialRejects = 0, TestIndices = [], TrueLabels = [], DefensePredictions = [], Success = [], WhiteBoxSuccess = [],
        L2 = [], Linf = [], SurrogateArtefact = "", SurrogateTrainingSetSize = 0, Queries = 0, RejectedQueries = 0,
        OracleForwardPasses = 0, EvaluationForwardPasses = 0, SurrogateTrainingSeconds = 0, AttackSeconds = 0,
        ExamplesReused = false, SurrogateConfig = new Dictionary<string, string>(),
    };

    public static AdversaryContext Context(LabeledImages train, string adversariesJson, string oracleKey) =>
        new(Dataset, train, TestProfiles.Smoke(Dataset.Id, $$"""{ "adversaries": {{adversariesJson}} }"""),
            new LoopNetworkTrainer(), new TinyModelZoo(), CPU, oracleKey);

    public static ProtocolOptions Options(int attacked) => new() { AttackedPoints = attacked, AgreementPoints = 50, AttackBatchSize = 16 };

    /// <summary>Answers one constant class for every image.</summary>
    public static FakeDefense Constant(long label, string id) => new(images => full(images.shape[0], label, dtype: int64), id);

    /// <summary>Answers the true label of images that are exactly one of <paramref name="known"/>, Reject for anything else.</summary>
    public static FakeDefense Memorising(string id, params LabeledImages[] known) => new(images =>
    {
        using var scope = NewDisposeScope();
        var all = cat(known.Select(k => k.Images.flatten(1)).ToList(), 0);
        var labels = cat(known.Select(k => k.Labels).ToList(), 0);
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += 16)
        {
            var batch = images.narrow(0, start, Math.Min(16, images.shape[0] - start)).flatten(1);
            var (nearest, index) = (batch.unsqueeze(1) - all.unsqueeze(0)).abs().amax(2).min(1);
            parts.Add(labels.index_select(0, index).masked_fill(nearest.gt(1e-6), Labels.Reject));
        }
        return cat(parts, 0).MoveToOuterDisposeScope();
    }, id, canReject: true);
}
