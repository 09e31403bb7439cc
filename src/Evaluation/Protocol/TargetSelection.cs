using static TorchSharp.torch;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Target of a targeted attack: uniformly among the K − 1 wrong classes, t = (y + 1 + u) mod K with
/// u ~ U{0..K−2} drawn from a torch.Generator seeded with the cell's seed, in attacked-point order. It depends only
/// on the true labels and the seed, so every defense gets the same targets.
/// </summary>
public static class TargetSelection
{
    public static Tensor Choose(Tensor trueLabels, int numClasses, long seed)
    {
        if (numClasses < 2) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "targeted attacks need at least 2 classes.");
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        var offset = randint(0, numClasses - 1, trueLabels.shape, dtype: int64, generator: generator);
        return (trueLabels.cpu() + 1 + offset).remainder(numClasses).MoveToOuterDisposeScope();
    }
}
