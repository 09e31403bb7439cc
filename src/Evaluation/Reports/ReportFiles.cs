using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Nightly;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Reports;

/// <summary>Renders the report of a stored run: what `robustness report --store` and the end of `evaluate` do.</summary>
public static class ReportFiles
{
    public static string Write(IResultsStore store, string runId, string reportsRoot, NightlyComparison? nightly = null, GridConfig? config = null, ReportFidelity? fidelity = null)
    {
        var run = store.FindRun(runId) ?? throw new ResultsStoreException(
            $"Results store '{store.Description}' has no run '{runId}' (runs: {string.Join(", ", store.Runs().Select(r => r.RunId))}).");
        config ??= StoreJson.Deserialize<GridConfig>(run.ConfigJson, $"config of run '{runId}'");
        var model = ReportBuilder.Build(run, config, store.Load(runId), fidelity: fidelity) with { Nightly = nightly };
        return ReportWriter.Write(model, reportsRoot);
    }
}
