using System.Diagnostics;
using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Evaluation.Store;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Passes every request to the real trainer and books the wall time of what was trained (not loaded) in the ledger:
/// surrogate rounds, the undefended backbone, other defenses' networks, and the pruning variant's share.
/// </summary>
internal sealed class LedgerNetworkTrainer(INetworkTrainer inner, TrainingLedger ledger) : INetworkTrainer
{
    public string VariantId => inner.VariantId;

    public INetworkTrainer Inner => inner;

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        var clock = Stopwatch.StartNew();
        var report = inner.TrainOrLoad(request, network, data);
        if (report.FromCache) return report;
        var wall = clock.Elapsed.TotalSeconds;
        var variant = VariantId == DenseVariant.VariantId ? 0 : Math.Min(wall, report.Metrics.GetValueOrDefault(TrainingReport.VariantSecondsMetric));
        ledger.Add(TimingKeys.BuildVariants, variant);
        ledger.Add(KeyOf(request), wall - variant);
        return report;
    }

    internal static string KeyOf(NetworkRequest request) =>
        request.Role.StartsWith("surrogate", StringComparison.Ordinal) ? TimingKeys.TrainSurrogates
        : request.Owner == "vanilla" ? TimingKeys.TrainBackbones
        : TimingKeys.TrainDefenses;
}
