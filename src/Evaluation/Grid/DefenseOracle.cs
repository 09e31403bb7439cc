using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>Asks a defense for labels in batches and checks its answer has the contract's shape and values.</summary>
public static class DefenseOracle
{
    public static long[] Predict(IFittedDefense defense, Tensor images, int batchSize = 256)
    {
        var labels = new long[images.shape[0]];
        using var noGrad = no_grad();
        for (long start = 0; start < labels.Length; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, labels.Length - start);
            var answer = defense.Predict(images.narrow(0, start, length));
            if (answer.shape is not [var n] || n != length)
                throw new InvalidOperationException($"Defense '{defense.Id}' answered shape [{string.Join(",", answer.shape)}] for {length} images; expected [{length}].");
            answer.to_type(int64).cpu().data<long>().CopyTo(labels, (int)start);
        }
        return labels;
    }
}
