using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Checks an attack's inputs once, with one clear message naming the argument and value at fault.</summary>
internal static class AttackInputs
{
    public static void Validate(string attackId, bool bounded, IClassifier model, Tensor images, Tensor labels, AttackGoal goal)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(goal);
        string Where(string what) => $"Attack '{attackId}': {what}";
        if (images.dim() != 4 || images.shape[0] < 1)
            throw new ArgumentException(Where($"images must be [N,C,H,W] with N >= 1, got [{string.Join(",", images.shape)}]"), nameof(images));
        if (images.dtype != ScalarType.Float32)
            throw new ArgumentException(Where($"images must be float32, got {images.dtype}"), nameof(images));
        using (var scope = NewDisposeScope())
        {
            var (min, max) = (images.min().item<float>(), images.max().item<float>());
            if (!(min >= 0f && max <= 1f))
                throw new ArgumentException(Where($"images must lie in [0,1], got values in [{min}, {max}]"), nameof(images));
        }
        CheckLabels(Where, "labels", labels, images.shape[0], model.NumClasses);
        if (goal.Targeted)
        {
            if (goal.Targets is null) throw new ArgumentException(Where("a targeted goal needs Targets"), nameof(goal));
            CheckLabels(Where, "goal.Targets", goal.Targets, images.shape[0], model.NumClasses);
        }
        if (bounded && !(goal.Epsilon > 0 && double.IsFinite(goal.Epsilon)))
            throw new ArgumentException(Where($"goal.Epsilon must be a positive finite number, got {goal.Epsilon}"), nameof(goal));
    }

    private static void CheckLabels(Func<string, string> where, string name, Tensor labels, long count, int classes)
    {
        if (labels.dim() != 1 || labels.shape[0] != count)
            throw new ArgumentException(where($"{name} must be [N] with N = {count}, got [{string.Join(",", labels.shape)}]"), name);
        if (labels.dtype != ScalarType.Int64)
            throw new ArgumentException(where($"{name} must be int64, got {labels.dtype}"), name);
        using var scope = NewDisposeScope();
        var (min, max) = (labels.min().item<long>(), labels.max().item<long>());
        if (min < 0 || max >= classes)
            throw new ArgumentException(where($"{name} must be class indices in [0,{classes}), got values in [{min}, {max}]"), name);
    }
}
