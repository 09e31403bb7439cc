using System.Diagnostics;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.WhiteBox;

/// <summary>
/// White-box robust accuracy and attack success versus ε: for every ε the attack runs on all points in chunks
/// (progress per chunk). Targets, when targeted, are drawn once from the seed (uniform over the other classes).
/// </summary>
public sealed class WhiteBoxSweep(AttackFactory factory)
{
    public IReadOnlyList<WhiteBoxRow> Run(
        IClassifier model, LabeledImages points, string attackId, DatasetProfile? profile, IReadOnlyList<double> epsilons,
        NormKind norm, bool targeted, long seed, int chunk = 128, IProgress<(int Done, int Total)>? progress = null)
    {
        var bounded = factory.DefaultEpsilon(attackId, profile) is not null;
        var sweep = bounded ? (epsilons.Count > 0 ? epsilons.Select(e => (double?)e).ToList() : [factory.DefaultEpsilon(attackId, profile)])
                            : [null];
        using var scope = NewDisposeScope();
        var clean = model.PredictLabels(points.Images).eq(points.Labels.cpu());
        var cleanAccuracy = clean.to(ScalarType.Float32).mean().item<float>();
        var targets = targeted ? Targets(points.Labels, model.NumClasses, seed) : null;
        var rows = new List<WhiteBoxRow>();
        var total = sweep.Count * points.Count;
        var done = 0;
        foreach (var epsilon in sweep)
        {
            using var epsilonScope = NewDisposeScope();
            var attack = factory.Create(attackId, profile, epsilon);
            var goalEpsilon = epsilon ?? 0;
            var generator = new Generator((ulong)seed);
            var watch = Stopwatch.StartNew();
            var success = new List<Tensor>();
            var l2 = new List<Tensor>();
            var linf = new List<Tensor>();
            var iterations = new List<Tensor>();
            var correct = new List<Tensor>();
            for (var start = 0; start < points.Count; start += chunk)
            {
                using var chunkScope = NewDisposeScope();
                var length = Math.Min(chunk, points.Count - start);
                var labels = points.Labels.narrow(0, start, length);
                var goal = targeted ? AttackGoal.TargetedAt(targets!.narrow(0, start, length), goalEpsilon, norm) : AttackGoal.Untargeted(goalEpsilon, norm);
                using var result = attack.Run(model, points.Images.narrow(0, start, length), labels, goal, generator);
                correct.Add(model.PredictLabels(result.Adversarial).eq(labels.cpu()).MoveToOuterDisposeScope());
                success.Add(result.Success.cpu().MoveToOuterDisposeScope());
                l2.Add(result.L2.cpu().MoveToOuterDisposeScope());
                linf.Add(result.Linf.cpu().MoveToOuterDisposeScope());
                iterations.Add(result.Iterations.cpu().MoveToOuterDisposeScope());
                done += length;
                progress?.Report((done, total));
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var s = cat(success, 0);
            var counted = targeted ? s : s.logical_and(clean);
            var denominator = targeted ? points.Count : Math.Max(1, clean.sum().item<long>());
            var fooled = s.logical_and(targeted ? ones_like(s) : clean);
            rows.Add(new WhiteBoxRow(
                attackId, norm.ToString().ToLowerInvariant(), epsilon, targeted, points.Count, cleanAccuracy,
                cat(correct, 0).to(ScalarType.Float32).mean().item<float>(),
                counted.sum().item<long>() / (double)denominator,
                MeanWhere(cat(l2, 0), fooled), MeanWhere(cat(linf, 0), fooled),
                cat(iterations, 0).to(ScalarType.Float32).mean().item<float>(),
                seconds, points.Count / seconds, seed));
        }
        return rows;
    }

    /// <summary>A target per point, uniform over the classes other than its label, from <paramref name="seed"/>.</summary>
    public static Tensor Targets(Tensor labels, int classes, long seed)
    {
        var generator = new Generator((ulong)seed + 0x7A5);
        var offset = randint(1, classes, labels.shape, generator: generator, dtype: int64).to(labels.device);
        return (labels + offset).remainder(classes);
    }

    private static double MeanWhere(Tensor values, Tensor mask) =>
        mask.any().item<bool>() ? values.masked_select(mask).mean().item<float>() : double.NaN;
}
