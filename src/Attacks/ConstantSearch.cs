using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// Carlini–Wagner's per-example binary search over the trade-off constant c: after a success the upper bound
/// drops to c and c bisects; after a failure the lower bound rises to c and c bisects, or grows tenfold while
/// no success has bounded it from above.
/// </summary>
internal sealed class ConstantSearch : IDisposable
{
    private const double Unbounded = 1e10;
    private readonly Tensor lower;
    private readonly Tensor upper;

    public ConstantSearch(long count, double initial, Device device)
    {
        if (!(initial > 0)) throw new ArgumentOutOfRangeException(nameof(initial), initial, "InitialConstant must be > 0");
        Constant = full(count, initial, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
        lower = zeros(count, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
        upper = full(count, Unbounded, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
    }

    /// <summary>c per example [N].</summary>
    public Tensor Constant { get; }

    public void Update(Tensor succeeded)
    {
        using var scope = NewDisposeScope();
        upper.copy_(where(succeeded, minimum(upper, Constant), upper));
        lower.copy_(where(succeeded, lower, maximum(lower, Constant)));
        var bounded = upper.lt(Unbounded / 10);
        var next = where(bounded, (lower + upper) / 2, Constant * 10);
        Constant.copy_(next);
    }

    public void Dispose()
    {
        Constant.Dispose();
        lower.Dispose();
        upper.Dispose();
    }
}
