using Robustness.Core.Contracts;
using Robustness.Defenses.Ensembles;
using static TorchSharp.torch;

namespace Robustness.Defenses.Adp;

/// <summary>The fitted ADP ensemble: arg-max of the averaged member softmax. Owns the members.</summary>
public sealed class FittedAdpDefense(DefenseTraits traits, ModuleOutputClassifier ensemble) : IFittedDefense
{
    public string Id => DefenseIds.Adp;

    public DefenseTraits Traits => traits;

    public Tensor Predict(Tensor images) => ensemble.PredictLabels(images);

    public IClassifier? AsClassifier() => ensemble;

    /// <summary>Each member's softmax output [N, M, K] (CPU), batched without autograd.</summary>
    public Tensor MemberProbabilities(Tensor images)
    {
        var stacked = (StackedMembers)ensemble.Module;
        return ClassifierExtensions.MapBatches(images, 256, batch => stacked.Split(ensemble.RawOutput(batch)).softmax(2).cpu());
    }

    public void Dispose() => ensemble.Dispose();
}
