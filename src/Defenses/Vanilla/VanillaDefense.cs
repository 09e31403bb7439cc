using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.Vanilla;

/// <summary>No defense: the backbone's arg-max. Every defense is compared with it under the same adversary.</summary>
public sealed class VanillaDefense : IDefense
{
    private ModuleClassifier? backbone;

    public string Id => DefenseIds.Vanilla;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: 1);

    public void Fit(DefenseContext context)
    {
        backbone?.Module.Dispose();
        backbone = VanillaBackbone.Fit(context);
    }

    public Tensor Predict(Tensor images) => Fitted.PredictLabels(images);

    public IClassifier? AsClassifier() => Fitted;

    private ModuleClassifier Fitted => backbone ?? throw new InvalidOperationException("vanilla: Fit must be called before Predict.");

    public void Dispose() => backbone?.Module.Dispose();
}
