using FsCheck;
using FsCheck.Fluent;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

// FsCheck generates the arguments of [Property] methods; the NUnit analyzer cannot see that.
#pragma warning disable NUnit1027

namespace Robustness.Attacks.Tests;

/// <summary>Properties of the ε-ball projection every bounded attack relies on, over random shapes, seeds and radii.</summary>
public sealed class ProjectionPropertyTests
{
    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property ProjectToBall_AnyPoint_InsideBallAndIdempotentAndKeepsInnerPoints(PositiveInt seed, bool l2, byte radius)
    {
        using var scope = NewDisposeScope();
        var norm = l2 ? NormKind.L2 : NormKind.Linf;
        var epsilon = (radius + 1) / (l2 ? 64.0 : 1024.0);
        var generator = new Generator((ulong)seed.Get);
        var x0 = rand(new long[] { 3, 2, 4, 4 }, generator: generator);
        var x = x0 + (rand(new long[] { 3, 2, 4, 4 }, generator: generator) - 0.5) * 4 * epsilon;
        var projected = Distortion.ProjectToBall(x, x0, epsilon, norm);
        var again = Distortion.ProjectToBall(projected, x0, epsilon, norm);
        var inside = Distortion.Norm(x - x0, norm).le(epsilon);
        var innerKept = projected.eq(x).flatten(1).all(1).logical_or(inside.logical_not()).all().item<bool>();
        var withinBall = Distortion.Norm(projected - x0, norm).max().item<float>() <= epsilon * (1 + 1e-5);
        var idempotent = (again - projected).abs().max().item<float>() <= 1e-6f;
        return (withinBall && idempotent && innerKept).Label($"{norm} ε={epsilon}: ball {withinBall}, idempotent {idempotent}, inner kept {innerKept}");
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property SteepestAscent_AnyGradient_HasUnitNormAndPositiveInnerProduct(PositiveInt seed, bool l2)
    {
        using var scope = NewDisposeScope();
        var norm = l2 ? NormKind.L2 : NormKind.Linf;
        var g = randn(new long[] { 4, 1, 3, 3 }, generator: new Generator((ulong)seed.Get));
        var d = Distortion.SteepestAscent(g, norm);
        var unit = (Distortion.Norm(d, norm) - 1).abs().max().item<float>() < 1e-5f;
        var ascent = (d * g).sum([1, 2, 3]).min().item<float>() > 0;
        return (unit && ascent).Label($"{norm}: unit {unit}, ascent {ascent}");
    }
}
