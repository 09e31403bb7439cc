using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;
using static TorchSharp.torch;

namespace MyDefense;

/// <summary>
/// A starting point: the profile's undefended backbone (trained once and shared with the vanilla baseline through
/// the artefact store) that abstains when it is not confident. Replace Fit and Predict with your defense.
/// </summary>
public sealed class MyDefense(MyDefenseOptions options) : IDefense
{
    public const string DefenseId = "my-defense-id";
    private ModuleClassifier? backbone;

    public string Id => DefenseId;

    /// <summary>
    /// Deterministic (the harness may compare repeated answers), may Reject (a Reject on an adversarial example
    /// counts as a defense success, on a clean one as an error), differentiable (white-box checks attack
    /// AsClassifier), one backbone pass per query (the oracle's query cost).
    /// </summary>
    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: true, Differentiable: true, ForwardPassesPerQuery: 1);

    public void Fit(DefenseContext context)
    {
        backbone?.Module.Dispose();
        backbone = VanillaBackbone.Fit(context);
    }

    public Tensor Predict(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probabilities = nn.functional.softmax(Fitted.Logits(images), 1);
        var (confidence, labels) = probabilities.max(1);
        return labels.masked_fill(confidence.lt(options.RejectBelowConfidence), Labels.Reject).cpu().MoveToOuterDisposeScope();
    }

    public IClassifier? AsClassifier() => Fitted;

    private ModuleClassifier Fitted => backbone ?? throw new InvalidOperationException($"{DefenseId}: Fit must be called before Predict.");

    public void Dispose() => backbone?.Module.Dispose();
}
