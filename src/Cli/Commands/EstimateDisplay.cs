using Robustness.Evaluation.Estimates;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;

namespace Robustness.Cli.Commands;

/// <summary>Prints a grid's estimate (<see cref="GridEstimates"/>): the table for `plan --estimate`, one line before `evaluate` runs.</summary>
public static class EstimateDisplay
{
    internal static GridEstimate Estimate(IServiceProvider services, GridSettings settings, IReadOnlyList<GridCell> cells, string runId,
        IResultsStore? store, string artefactsDirectory) =>
        GridEstimates.For(services, settings.ProfilesFile, cells, runId, store, artefactsDirectory, settings.KeepFailed);

    /// <summary>The one-line estimate; a failure to estimate (e.g. a plug-in whose model cannot be built) is reported, never fatal to the run.</summary>
    public static void PrintSummary(IServiceProvider services, GridSettings settings, IReadOnlyList<GridCell> cells, string runId,
        IResultsStore store, string artefactsDirectory)
    {
        try
        {
            Console.Out.WriteLine(Estimate(services, settings, cells, runId, store, artefactsDirectory).Summary());
        }
        catch (Exception e) when (e is not OperationCanceledException and not ResultsStoreException)
        {
            Console.Out.WriteLine($"estimate unavailable: {e.Message}");
        }
    }
}
