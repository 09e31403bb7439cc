using Robustness.Pruning.Masks;
using Robustness.Pruning.Projections;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Training;

/// <summary>
/// The split of min f(W) s.t. W ∈ S into W = Z with Z ∈ S, shared by SLR and ADMM: the auxiliary Z and the
/// multipliers Λ per pruned layer (owned). The scaled multiplier is U = Λ/ρ. Starts at Z = Π(W), Λ = 0.
/// </summary>
public sealed class SplitVariables : IDisposable
{
    private readonly ISparsityProjection projection;
    private readonly Dictionary<string, Tensor> z = new();
    private readonly Dictionary<string, Tensor> lambda = new();

    public SplitVariables(IReadOnlyList<PrunableLayer> layers, ISparsityProjection projection)
    {
        Layers = layers;
        this.projection = projection;
        using var noGrad = no_grad();
        foreach (var layer in layers)
        {
            z[layer.Name] = Project(layer, layer.Weight.detach());
            lambda[layer.Name] = zeros_like(layer.Weight).DetachFromDisposeScope();
        }
    }

    public IReadOnlyList<PrunableLayer> Layers { get; }
    public Tensor Z(string layer) => z[layer];
    public Tensor Lambda(string layer) => lambda[layer];

    /// <summary>Σ (ρ/2)‖W − Z + Λ/ρ‖², differentiable in W: the term added to the loss in the W-step.</summary>
    public Tensor Penalty(double rho)
    {
        Tensor? sum = null;
        foreach (var layer in Layers)
        {
            var term = (layer.Weight - z[layer.Name] + lambda[layer.Name] / rho).pow(2).sum() * (rho / 2);
            sum = sum is null ? term : sum + term;
        }
        return sum ?? tensor(0f);
    }

    /// <summary>Σ ⟨Λ, W − Z⟩ + (ρ/2)‖W − Z‖²: the surrogate Lagrangian without the loss, for Z (or a candidate Z).</summary>
    public double ConstraintTerms(double rho, IReadOnlyDictionary<string, Tensor>? candidateZ = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        double total = 0;
        foreach (var layer in Layers)
        {
            var residual = layer.Weight - (candidateZ ?? z)[layer.Name];
            total += (lambda[layer.Name] * residual).sum().item<float>() + rho / 2 * residual.pow(2).sum().item<float>();
        }
        return total;
    }

    /// <summary>Σ over layers of ‖W − Z‖ (Frobenius), as the logs report it.</summary>
    public double ResidualNormSum()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Layers.Sum(l => (l.Weight - z[l.Name]).norm().item<float>());
    }

    /// <summary>‖W − Z‖ over all pruned layers taken as one vector: the norm in the SLR step-size rule.</summary>
    public double ResidualNorm()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Math.Sqrt(Layers.Sum(l => (double)(l.Weight - z[l.Name]).pow(2).sum().item<float>()));
    }

    /// <summary>Π_S(W + Λ/ρ) per layer: the Z-step's candidate (owned by the caller until <see cref="ReplaceZ"/>).</summary>
    public Dictionary<string, Tensor> ProjectedZ(double rho)
    {
        using var noGrad = no_grad();
        return Layers.ToDictionary(l => l.Name, l =>
        {
            using var scope = NewDisposeScope();
            return Project(l, l.Weight.detach() + lambda[l.Name] / rho).DetachFromDisposeScope();
        });
    }

    public void ReplaceZ(Dictionary<string, Tensor> newZ)
    {
        foreach (var (name, value) in newZ)
        {
            z[name].Dispose();
            z[name] = value;
        }
    }

    /// <summary>Λ ← Λ + step · (W − Z) in every layer.</summary>
    public void StepMultipliers(double step)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var layer in Layers) lambda[layer.Name].add_(layer.Weight - z[layer.Name], alpha: step);
    }

    private Tensor Project(PrunableLayer layer, Tensor value)
    {
        using var scope = NewDisposeScope();
        return (value * projection.Mask(value, layer.Ratio).to(value.device)).detach().MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in z.Values.Concat(lambda.Values)) t.Dispose();
    }
}
