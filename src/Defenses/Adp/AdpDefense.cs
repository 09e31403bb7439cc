using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Defenses.Ensembles;
using static TorchSharp.torch;

namespace Robustness.Defenses.Adp;

/// <summary>
/// ADP ensemble (Pang et al., ICML 2019): members trained jointly with <see cref="AdpLoss"/>; the prediction is
/// the arg-max of the averaged member softmax outputs. Deterministic; one query costs one pass of every member.
/// </summary>
public sealed class AdpDefense(AdpOptions options) : IDefense
{
    public const string Role = "ensemble";

    public string Id => DefenseIds.Adp;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: options.Members);

    /// <summary>The options in force (the profile's "defenses.adp" section bound over the defaults).</summary>
    public AdpOptions Options => options;

    public FittedAdpDefense Fit(DefenseContext context)
    {
        var architecture = options.MemberArchitecture ?? context.Profile.Backbone;
        var classes = context.Dataset.NumClasses;
        var members = options.Members;
        var stacked = JointTraining.TrainOrLoad(context, DefenseIds.Adp, Role, architecture, members, classes, Config(options),
            (output, _, labels) => AdpLoss.Compute(StackedMembers.Split(output, members, classes), labels, options));
        return new FittedAdpDefense(Traits, new ModuleOutputClassifier(stacked, raw => AveragedLogProbabilities(stacked.Split(raw)), classes, context.Device));
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);

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
}
