using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>The objective the gradient-sign attacks ascend.</summary>
public enum AttackLoss
{
    /// <summary>Cross-entropy of the true label (untargeted, ascended) or of the target (targeted, descended).</summary>
    CrossEntropy,

    /// <summary>Carlini–Wagner logit margin: max other logit minus the label's logit (sign set by the goal).</summary>
    Margin,
}

/// <summary>Per-example objectives over logits [N,K]; every result is [N].</summary>
internal static class Objectives
{
    /// <summary>
    /// Logit margin of <paramref name="labels"/>: Z_label − max_{j≠label} Z_j (positive = classified as label).
    /// </summary>
    public static Tensor LabelMargin(Tensor logits, Tensor labels)
    {
        var oneHot = nn.functional.one_hot(labels, logits.shape[1]).to(ScalarType.Bool);
        var own = logits.gather(1, labels.unsqueeze(1)).squeeze(1);
        var other = logits.masked_fill(oneHot, double.NegativeInfinity).amax(1);
        return own - other;
    }

    /// <summary>
    /// What the gradient-sign family ascends. Untargeted moves away from the true label, targeted towards the
    /// target: the loss is the same, its sign comes from the goal.
    /// </summary>
    public static Tensor Ascent(Tensor logits, Tensor goalLabels, bool targeted, AttackLoss loss)
    {
        var away = loss switch
        {
            AttackLoss.CrossEntropy => nn.functional.cross_entropy(logits, goalLabels, reduction: nn.Reduction.None),
            AttackLoss.Margin => -LabelMargin(logits, goalLabels),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "unknown attack loss"),
        };
        return targeted ? -away : away;
    }

    /// <summary>
    /// Carlini–Wagner f6 with confidence κ: untargeted max(Z_y − max_{j≠y} Z_j, −κ), targeted
    /// max(max_{j≠t} Z_j − Z_t, −κ). Zero (at κ = 0) once the goal is met with the required confidence.
    /// </summary>
    public static Tensor CarliniWagner(Tensor logits, Tensor goalLabels, bool targeted, double confidence)
    {
        var margin = LabelMargin(logits, goalLabels);
        return (targeted ? -margin : margin).clamp_min(-confidence);
    }

    /// <summary>The goal is met with confidence κ: the C&amp;W success test on logits.</summary>
    public static Tensor MeetsGoal(Tensor logits, Tensor goalLabels, bool targeted, double confidence)
    {
        var margin = LabelMargin(logits, goalLabels);
        return targeted ? margin.gt(confidence) : margin.lt(-confidence);
    }

    /// <summary>Plain prediction test: untargeted = argmax ≠ label, targeted = argmax = target.</summary>
    public static Tensor Success(Tensor logits, Tensor goalLabels, bool targeted)
    {
        var predicted = logits.argmax(1);
        return targeted ? predicted.eq(goalLabels) : predicted.ne(goalLabels);
    }
}
