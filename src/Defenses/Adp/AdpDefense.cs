using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Defenses.Ensembles;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Adp;

/// <summary>
/// ADP ensemble (Pang et al., ICML 2019): members trained jointly with <see cref="AdpLoss"/>; the prediction is
/// the arg-max of the averaged member softmax outputs. Deterministic; one query costs one pass of every member.
/// </summary>
public sealed class AdpDefense : IDefense
{
    public const string Role = "ensemble";

    private readonly AdpOptions defaults;
    private ModuleOutputClassifier? ensemble;

    public AdpDefense(AdpOptions options)
    {
        defaults = options;
        Options = options;
        Traits = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: options.Members);
    }

    public string Id => DefenseIds.Adp;

    public DefenseTraits Traits { get; private set; }

    /// <summary>The options after the profile's "defenses.adp" overrides (set by <see cref="Fit"/>).</summary>
    public AdpOptions Options { get; private set; }

    public void Fit(DefenseContext context)
    {
        Options = context.Profile.Section($"defenses.{DefenseIds.Adp}", defaults);
        Options.Validate();
        Traits = Traits with { ForwardPassesPerQuery = Options.Members };
        var architecture = Options.MemberArchitecture ?? context.Profile.Backbone;
        var classes = context.Dataset.NumClasses;
        var current = Options;
        var stacked = JointTraining.TrainOrLoad(context, DefenseIds.Adp, Role, architecture, current.Members, classes, Config(current),
            members => (output, _, labels) => AdpLoss.Compute(members.Split(output), labels, current));
        ensemble?.Dispose();
        ensemble = new ModuleOutputClassifier(stacked, raw => AveragedLogProbabilities(stacked.Split(raw)), classes, context.Device);
    }

    public Tensor Predict(Tensor images) => Fitted.PredictLabels(images);

    public IClassifier? AsClassifier() => Fitted;

    /// <summary>Each member's softmax output [N, M, K] (CPU), batched without autograd.</summary>
    public Tensor MemberProbabilities(Tensor images)
    {
        var fitted = Fitted;
        var stacked = (StackedMembers)fitted.Module;
        return ClassifierExtensions.MapBatches(images, 256, batch => stacked.Split(fitted.RawOutput(batch)).softmax(2).cpu());
    }

    /// <summary>log of the averaged member softmax [N, K]: the paper's ensemble prediction, as logits.</summary>
    public static Tensor AveragedLogProbabilities(Tensor memberLogits)
    {
        using var scope = NewDisposeScope();
        return memberLogits.softmax(2).mean([1L]).clamp_min(1e-30).log().MoveToOuterDisposeScope();
    }

    private static Dictionary<string, string> Config(AdpOptions o) => new()
    {
        ["loss"] = "adp",
        ["members"] = o.Members.ToString(CultureInfo.InvariantCulture),
        ["alpha"] = o.Alpha.ToString("R", CultureInfo.InvariantCulture),
        ["beta"] = o.Beta.ToString("R", CultureInfo.InvariantCulture),
        ["logDetEpsilon"] = o.LogDetEpsilon.ToString("R", CultureInfo.InvariantCulture),
        ["logEpsilon"] = o.LogEpsilon.ToString("R", CultureInfo.InvariantCulture),
    };

    private ModuleOutputClassifier Fitted => ensemble ?? throw new InvalidOperationException($"{DefenseIds.Adp}: Fit must be called before Predict.");

    public void Dispose() => ensemble?.Dispose();
}
