using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests.Support;

/// <summary>
/// A two-class linear classifier z = W(x − ½) with W = (a·s/2, −a·s/2) for a random sign vector s, and images
/// x = ½ + μ·s + noise ⊥ s. The logit gap is a·d·μ, so the minimal perturbation that crosses the boundary is
/// |μ| in L∞ (along s) and |μ|·√d in L2. Images stay inside [0.25, 0.75]: clipping never interferes.
/// </summary>
public sealed class LinearProblem : IClassifier, IDisposable
{
    private readonly Tensor weight;

    private LinearProblem(Tensor weight, Tensor images, Tensor labels, Tensor linfMargin, int dimensions)
    {
        this.weight = weight;
        Images = images;
        Labels = labels;
        LinfMargin = linfMargin;
        Dimensions = dimensions;
    }

    public int NumClasses => 2;
    public Tensor Images { get; }
    public Tensor Labels { get; }
    /// <summary>Minimal L∞ perturbation per example [N].</summary>
    public Tensor LinfMargin { get; }
    /// <summary>Minimal L2 perturbation per example [N].</summary>
    public Tensor L2Margin => LinfMargin * Math.Sqrt(Dimensions);
    public int Dimensions { get; }

    public static LinearProblem Create(int count, long seed, double minMargin = 0.03, double maxMargin = 0.08, int side = 8)
    {
        var generator = new Generator((ulong)seed);
        var d = side * side;
        var signs = rand(new long[] { d }, generator: generator).lt(0.5).to(ScalarType.Float32) * 2 - 1;
        var weight = stack([signs / 2, -signs / 2]).DetachFromDisposeScope();
        var labels = rand(new long[] { count }, generator: generator).lt(0.5).to(int64);
        var margin = rand(new long[] { count }, generator: generator) * (maxMargin - minMargin) + minMargin;
        var noise = (rand(new long[] { count, d }, generator: generator) - 0.5) * 0.2;
        noise -= noise.matmul(signs).unsqueeze(1) * signs.unsqueeze(0) / d;
        var direction = 1 - 2 * labels.to(ScalarType.Float32);
        var images = (0.5 + (margin * direction).unsqueeze(1) * signs.unsqueeze(0) + noise).view(count, 1, side, side);
        return new LinearProblem(weight, images.DetachFromDisposeScope(), labels.DetachFromDisposeScope(), margin.DetachFromDisposeScope(), d);
    }

    public Tensor Logits(Tensor images) => (images.flatten(1) - 0.5).matmul(weight.t());

    public void Dispose()
    {
        foreach (var t in new[] { weight, Images, Labels, LinfMargin }) t.Dispose();
    }
}
