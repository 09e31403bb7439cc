using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>Renews a cell claim's lease every third of it while the cell computes; stops on dispose.</summary>
internal sealed class ClaimHeartbeat : IDisposable
{
    private readonly Timer timer;

    public ClaimHeartbeat(IResultsStore store, string runId, string cellId, CellClaim claim, TimeSpan lease)
    {
        var period = lease / 3;
        timer = new Timer(_ =>
        {
            try
            {
                store.RenewClaim(runId, cellId, claim.Renewed(lease));
            }
            catch (ResultsStoreException)
            {
                // A missed renewal only shortens the lease; the commit (or its failure) decides the cell.
            }
        }, null, period, period);
    }

    public void Dispose() => timer.Dispose();
}
