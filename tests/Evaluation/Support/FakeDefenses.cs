using Robustness.Core.Contracts;
using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>
/// Hand-made defenses with known answers on <see cref="CodedData"/>, whose images carry their label as brightness
/// (every pixel = (label + 0.5) / 10). Configuration and fitted defense in one object: Fit returns itself.
/// </summary>
public abstract class FakeDefense : IDefense, IFittedDefense
{
    public abstract string Id { get; }
    public virtual DefenseTraits Traits => new(false, false, false, 1);
    public virtual IFittedDefense Fit(DefenseContext context) => this;
    public abstract Tensor Predict(Tensor images);
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called by Dispose; counting fakes override it.</summary>
    public virtual void Release() { }

    /// <summary>The label the brightness encodes.</summary>
    protected static Tensor Decode(Tensor images) => (images.flatten(1).mean([1]) * 10).floor().clamp(0, 9).to_type(int64);
}

/// <summary>Always right on clean and lightly perturbed coded images.</summary>
public sealed class DecodingDefense : FakeDefense
{
    public const string DefenseId = "fake-decoder";
    public override string Id => DefenseId;
    public override Tensor Predict(Tensor images) => Decode(images);
}

/// <summary>Always wrong: answers the next label.</summary>
public sealed class ShiftedDefense : FakeDefense
{
    public const string DefenseId = "fake-shifted";
    public override string Id => DefenseId;
    public override Tensor Predict(Tensor images) => (Decode(images) + 1).remainder(10);
}

/// <summary>Right on even labels, Reject on odd ones.</summary>
public sealed class RejectingDefense : FakeDefense
{
    public const string DefenseId = "fake-rejector";
    public override string Id => DefenseId;
    public override DefenseTraits Traits => new(false, true, false, 1);

    public override Tensor Predict(Tensor images)
    {
        var labels = Decode(images);
        return where(labels.remainder(2).eq(0), labels, full_like(labels, Labels.Reject));
    }
}

/// <summary>A plug-in that throws in Fit.</summary>
public sealed class ThrowingDefense : FakeDefense
{
    public const string DefenseId = "fake-throwing";
    public override string Id => DefenseId;
    public override IFittedDefense Fit(DefenseContext context) => throw new InvalidOperationException("plug-in exploded in Fit");
    public override Tensor Predict(Tensor images) => throw new InvalidOperationException("unreachable");
}

/// <summary>Images [N,1,28,28] (Fashion-MNIST's shape) whose brightness encodes their label (labels cycle 0..9).</summary>
public static class CodedData
{
    public static LabeledImages Create(int count)
    {
        using var scope = NewDisposeScope();
        var labels = arange(count, dtype: int64).remainder(10);
        var images = ((labels.to_type(float32) + 0.5f) / 10).reshape(count, 1, 1, 1).expand(count, 1, 28, 28).contiguous();
        return new LabeledImages(images, labels);
    }
}
