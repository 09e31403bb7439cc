using Robustness.Pruning.Projections;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Projections;

public sealed class ProjectionTests
{
    private static readonly long[][] Shapes = [[16, 8, 3, 3], [12, 6, 5, 5], [20, 30]];

    private static Tensor RandomWeight(long[] shape, int seed) => randn(shape, generator: new Generator((ulong)seed));

    /// <summary>Structure index of every weight and the structure count, per sparsity type.</summary>
    private static (Tensor Ids, long Count) Structures(SparsityType type, long[] shape)
    {
        var ids = arange(shape.Aggregate(1L, (a, b) => a * b)).reshape(shape);
        long outC = shape[0], inC = shape[1], k = shape.Length == 4 ? shape[2] * shape[3] : 1;
        return type switch
        {
            SparsityType.Filter => (ids.div(inC * k, rounding_mode: RoundingMode.floor), outC),
            SparsityType.Channel => (ids.div(k, rounding_mode: RoundingMode.floor).remainder(inC), inC),
            SparsityType.Column => (ids.remainder(inC * k), inC * k),
            _ => (ids, ids.numel()),
        };
    }

    [Test]
    public void Mask_AnyTypeAndRatio_KeepsExactlyRequiredStructures(
        [Values(SparsityType.Irregular, SparsityType.Filter, SparsityType.Channel, SparsityType.Column)] SparsityType type,
        [Values(0.0, 0.3, 0.5, 0.8, 0.9, 1.0)] double ratio, [Values(0, 1, 2)] int shapeIndex, [Random(0, 10_000, 2)] int seed)
    {
        using var scope = NewDisposeScope();
        var shape = Shapes[shapeIndex];
        var weight = RandomWeight(shape, seed);
        var mask = SparsityProjections.For(type).Mask(weight, ratio);
        var (ids, count) = Structures(type, shape);
        var keptPerStructure = zeros(count).index_add_(0, ids.flatten(), mask.flatten(), 1.0);
        var sizePerStructure = zeros(count).index_add_(0, ids.flatten(), ones(mask.numel()), 1.0);

        Assert.That(mask.shape, Is.EqualTo(shape));
        Assert.That(((mask == 0) | (mask == 1)).all().item<bool>(), "mask is 0/1");
        Assert.That(((keptPerStructure == 0) | (keptPerStructure == sizePerStructure)).all().item<bool>(), "structures are whole");
        var keptStructures = (keptPerStructure > 0).sum().item<long>();
        Assert.That(keptStructures, Is.EqualTo(count - (long)Math.Round(ratio * count, MidpointRounding.AwayFromZero)));
    }

    [Test]
    public void Mask_AnyType_KeptStructuresScoreAtLeastPrunedOnes(
        [Values(SparsityType.Irregular, SparsityType.Filter, SparsityType.Channel, SparsityType.Column)] SparsityType type,
        [Values(0.5, 0.8)] double ratio, [Values(0, 2)] int shapeIndex, [Random(0, 10_000, 3)] int seed)
    {
        using var scope = NewDisposeScope();
        var shape = Shapes[shapeIndex];
        var weight = RandomWeight(shape, seed);
        var mask = SparsityProjections.For(type).Mask(weight, ratio);
        var (ids, count) = Structures(type, shape);
        var score = zeros(count).index_add_(0, ids.flatten(), weight.pow(2).flatten(), 1.0);
        var kept = zeros(count).index_add_(0, ids.flatten(), mask.flatten(), 1.0) > 0;

        var minKept = score.masked_select(kept).min().item<float>();
        var maxPruned = score.masked_select(kept.logical_not()).max().item<float>();
        Assert.That(minKept, Is.GreaterThanOrEqualTo(maxPruned));
    }

    [Test]
    public void Mask_Pattern_EveryKernelKeepsItsBestLibraryPatternOrNothing(
        [Values(0.3, 5.0 / 9, 0.7, 0.9)] double ratio, [Random(0, 10_000, 3)] int seed)
    {
        using var scope = NewDisposeScope();
        var weight = RandomWeight([16, 8, 3, 3], seed);
        var mask = new PatternProjection().Mask(weight, ratio).reshape(-1, 9);
        var energy = weight.pow(2).reshape(-1, 9);
        var library = KernelPatterns.AsMatrix();
        var bestEnergy = energy.matmul(library.t()).max(1).values;
        var keptKernels = (mask.sum(1) > 0);

        Assert.That(mask.sum(1).masked_select(keptKernels).eq(4).all().item<bool>(), "kept kernels hold 4 weights");
        var keptPatterns = mask.index_select(0, keptKernels.nonzero().squeeze(1));
        Assert.That(keptPatterns.matmul(library.t()).eq(4).any(1).all().item<bool>(), "each kept kernel is a library pattern");
        Assert.That((energy * mask).sum(1).masked_select(keptKernels).allclose(bestEnergy.masked_select(keptKernels)), "each kernel keeps its best pattern");
        Assert.That(keptKernels.sum().item<long>(), Is.EqualTo(PatternProjection.KernelsKept(128, ratio)));
        if (keptKernels.sum().item<long>() < 128)
            Assert.That(bestEnergy.masked_select(keptKernels).min().item<float>(),
                Is.GreaterThanOrEqualTo(bestEnergy.masked_select(keptKernels.logical_not()).max().item<float>()));
    }

    [Test]
    public void KernelsKept_RatioAtOrBelowFiveNinths_KeepsEveryKernel()
    {
        Assert.That(PatternProjection.KernelsKept(90, 0.3), Is.EqualTo(90));
        Assert.That(PatternProjection.KernelsKept(90, 5.0 / 9), Is.EqualTo(90));
        Assert.That(PatternProjection.KernelsKept(80, 0.9), Is.EqualTo(18)); // 0.1 · 80 · 9 / 4
    }

    [Test]
    public void Mask_PatternOnNonSquareKernel_FallsBackToIrregular()
    {
        using var scope = NewDisposeScope();
        var weight = RandomWeight([6, 4, 5, 5], 3);
        Assert.That(new PatternProjection().Mask(weight, 0.8).allclose(new IrregularProjection().Mask(weight, 0.8), rtol: 0, atol: 0), Is.True);
    }

    [Test]
    public void Mask_RatioOutsideUnitInterval_ThrowsNamingRatio([Values(-0.1, 1.5, double.NaN)] double ratio)
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IrregularProjection().Mask(randn(4, 4), ratio));
        Assert.That(e!.ParamName, Is.EqualTo("ratio"));
    }

    [Test]
    public void Parse_FormattedType_RoundTrips([Values] SparsityType type) =>
        Assert.That(SparsityTypes.Parse(SparsityTypes.Format(type)), Is.EqualTo(type));

    [Test]
    public void Parse_UnknownType_ThrowsNamingIt() =>
        Assert.That(() => SparsityTypes.Parse("diagonal"), Throws.ArgumentException.With.Message.Contains("diagonal"));
}
