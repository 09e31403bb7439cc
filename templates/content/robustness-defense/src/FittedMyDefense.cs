using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace MyDefense;

/// <summary>The fitted defense: the trained backbone, Reject below the confidence threshold. Owns the backbone.</summary>
public sealed class FittedMyDefense(DefenseTraits traits, MyDefenseOptions options, ModuleClassifier backbone) : IFittedDefense
{
    public string Id => MyDefense.DefenseId;

    public DefenseTraits Traits => traits;

    public Tensor Predict(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probabilities = nn.functional.softmax(backbone.Logits(images), 1);
        var (confidence, labels) = probabilities.max(1);
        return labels.masked_fill(confidence.lt(options.RejectBelowConfidence), Labels.Reject).cpu().MoveToOuterDisposeScope();
    }

    public IClassifier? AsClassifier() => backbone;

    public void Dispose() => backbone.Module.Dispose();
}
