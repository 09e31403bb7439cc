using Robustness.Attacks.Adversaries;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// A surrogate lent to one cell. <see cref="Reused"/>: it was not built for this cell (from memory or the store),
/// so the cell spent no training time on it. Disposing the lease disposes the surrogate only when no cache holds it.
/// </summary>
internal sealed class SurrogateLease(SurrogateResult surrogate, bool reused, bool owned) : IDisposable
{
    public SurrogateResult Surrogate => surrogate;
    public bool Reused => reused;

    public void Dispose()
    {
        if (owned) surrogate.Dispose();
    }
}
