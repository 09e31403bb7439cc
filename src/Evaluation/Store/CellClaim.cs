using System.Diagnostics;

namespace Robustness.Evaluation.Store;

/// <summary>
/// A process's claim on one cell while it computes it, so a second process on the same run takes the next cell.
/// A claim is stale — free to take — when its lease has expired (its owner stopped renewing it), or at once when
/// its owner ran on this host and that process is gone (killed: no need to wait for the lease).
/// </summary>
/// <param name="Owner">Unique per process and run (a fresh id), so renewing and releasing touch only our own claims.</param>
/// <param name="ProcessStartTicks">The owner's start time: a recycled pid does not keep a dead owner's claim alive.</param>
public sealed record CellClaim(string Owner, string Host, int ProcessId, long ProcessStartTicks, DateTimeOffset ExpiresUtc)
{
    public static CellClaim ForThisProcess(TimeSpan lease)
    {
        using var self = Process.GetCurrentProcess();
        return new CellClaim(Guid.NewGuid().ToString("N"), Environment.MachineName, self.Id, self.StartTime.ToUniversalTime().Ticks, DateTimeOffset.UtcNow + lease);
    }

    public CellClaim Renewed(TimeSpan lease) => this with { ExpiresUtc = DateTimeOffset.UtcNow + lease };

    public bool IsStale(DateTimeOffset now) => now >= ExpiresUtc || OwnerIsGoneFromThisHost();

    private bool OwnerIsGoneFromThisHost()
    {
        if (Host != Environment.MachineName) return false;
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != ProcessStartTicks;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return true; // exited while we looked (its /proc entry is gone)
        }
    }

    public string Describe() => $"process {ProcessId} on {Host} (lease until {ExpiresUtc:u})";
}
