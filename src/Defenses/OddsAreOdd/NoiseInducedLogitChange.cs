using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.OddsAreOdd;

/// <summary>
/// Roth et al.'s statistic: for the predicted class y and every class z, the expected noise-induced change of the
/// logit difference f_z − f_y, ḡ_{y,z}(x) = E_η[(f_z − f_y)(x + η)] − (f_z − f_y)(x), η ~ N(0, σ²I), estimated
/// with S noisy copies; all copies of a chunk of images go through the backbone in one batch.
/// </summary>
public sealed class NoiseInducedLogitChange(IClassifier backbone, double noiseStd, int samples, int chunkImages, bool clip)
{
    /// <summary>Predicted labels [N] (int64, CPU) and ḡ [N,K] (float32, CPU; column y is 0).</summary>
    public (Tensor Predicted, Tensor Change) Compute(Tensor images, Generator generator)
    {
        using var noGrad = no_grad();
        var predicted = new List<Tensor>();
        var changes = new List<Tensor>();
        var count = images.shape[0];
        for (long start = 0; start < count; start += chunkImages)
        {
            using var scope = NewDisposeScope();
            var (y, g) = Chunk(images.narrow(0, start, Math.Min(chunkImages, count - start)), generator);
            predicted.Add(y.MoveToOuterDisposeScope());
            changes.Add(g.MoveToOuterDisposeScope());
        }
        if (predicted.Count == 0) return (empty(0, dtype: int64), empty(0, backbone.NumClasses));
        var result = (cat(predicted, 0), cat(changes, 0));
        foreach (var t in predicted.Concat(changes)) t.Dispose();
        return result;
    }

    private (Tensor Predicted, Tensor Change) Chunk(Tensor x, Generator generator)
    {
        long b = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        var clean = backbone.Logits(x).cpu();
        var y = clean.argmax(1);
        var noise = randn(new[] { b, samples, c, h, w }, generator: generator) * noiseStd;
        var noisy = x.cpu().unsqueeze(1) + noise;
        if (clip) noisy = noisy.clamp(0, 1);
        var noisyLogits = backbone.Logits(noisy.reshape(b * samples, c, h, w)).cpu().reshape(b, samples, -1);
        var change = noisyLogits.mean(new long[] { 1 }) - clean;
        var g = change - change.gather(1, y.unsqueeze(1));
        return (y, g);
    }
}
