using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Adp;

/// <summary>
/// The ADP objective on member logits [N, M, K] and labels [N]:
/// L = Σ_m CE(F_m, y) − α·H(F̄) − β·log(ED), with F_m the member softmax, F̄ their mean,
/// ED = det(M̃ᵀM̃ + ε·I) and M̃ the columns F̃_m = F_m with the true class removed, L2-normalised
/// (the "non-maximal" predictions). Batch terms are averaged over the batch.
/// </summary>
public static class AdpLoss
{
    public static Tensor Compute(Tensor memberLogits, Tensor labels, AdpOptions options)
    {
        using var scope = NewDisposeScope();
        CheckShapes(memberLogits, labels);
        var members = memberLogits.shape[1];
        var crossEntropy = zeros(1, device: memberLogits.device).squeeze();
        for (long m = 0; m < members; m++)
            crossEntropy = crossEntropy + nn.functional.cross_entropy(memberLogits.select(1, m), labels);
        var probabilities = memberLogits.softmax(2);
        var loss = crossEntropy
                   - options.Alpha * EnsembleEntropy(probabilities, options.LogEpsilon).mean()
                   - options.Beta * LogEnsembleDiversity(probabilities, labels, options.LogDetEpsilon).mean();
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>H(F̄) per example [N], F̄ = mean over members of probabilities [N, M, K].</summary>
    public static Tensor EnsembleEntropy(Tensor probabilities, double logEpsilon)
    {
        using var scope = NewDisposeScope();
        var mean = probabilities.mean([1L]);
        return (-(mean * (mean + logEpsilon).log()).sum(1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// log det(M̃ᵀM̃ + ε·I) per example [N]. Zeroing the true class's entry equals removing it: it adds nothing to
    /// the norms or the inner products of the Gram matrix.
    /// </summary>
    public static Tensor LogEnsembleDiversity(Tensor probabilities, Tensor labels, double logDetEpsilon)
    {
        using var scope = NewDisposeScope();
        var classes = probabilities.shape[2];
        var members = probabilities.shape[1];
        var keep = 1 - nn.functional.one_hot(labels, classes).to(probabilities.dtype).unsqueeze(1);
        var nonMaximal = probabilities * keep;
        var normalised = nonMaximal / (nonMaximal.norm(2, true, 2) + 1e-20);
        var gram = normalised.matmul(normalised.transpose(1, 2));
        var regularised = gram + logDetEpsilon * eye(members, dtype: probabilities.dtype, device: probabilities.device);
        return linalg.slogdet(regularised).Item2.MoveToOuterDisposeScope();
    }

    private static void CheckShapes(Tensor memberLogits, Tensor labels)
    {
        if (memberLogits.dim() != 3)
            throw new ArgumentException($"ADP loss: member logits must be [N,M,K], got [{string.Join(",", memberLogits.shape)}].", nameof(memberLogits));
        if (labels.dim() != 1 || labels.shape[0] != memberLogits.shape[0])
            throw new ArgumentException($"ADP loss: labels must be [N] with N = {memberLogits.shape[0]}, got [{string.Join(",", labels.shape)}].", nameof(labels));
    }
}
