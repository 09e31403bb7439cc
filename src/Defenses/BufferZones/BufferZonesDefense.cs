using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;

namespace Robustness.Defenses.BufferZones;

/// <summary>
/// Buffer zones: M backbones, member i behind a fixed resize to <see cref="BufferZonesOptions.InputSizes"/>[i]
/// (<see cref="ModelSpec.InputSize"/>), each trained separately with its own seed; unanimous vote, else Reject.
/// Deviation: the paper's per-member secret linear input transformation is not applied (resize only).
/// </summary>
public abstract class BufferZonesDefense(BufferZonesOptions options) : IDefense
{
    public abstract string Id { get; }

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: true, Differentiable: false, ForwardPassesPerQuery: options.InputSizes.Length);

    /// <summary>The options in force (the profile's section bound over the defaults).</summary>
    public BufferZonesOptions Options => options;

    public FittedBufferZonesDefense Fit(DefenseContext context)
    {
        var recipe = options.MemberEpochs is { } epochs ? context.Profile.BackboneRecipe with { Epochs = epochs } : context.Profile.BackboneRecipe;
        var members = new List<ModuleClassifier>();
        try
        {
            for (var i = 0; i < options.InputSizes.Length; i++)
            {
                var size = options.InputSizes[i];
                var request = new NetworkRequest(Id, $"member-{i}", context.Profile.Backbone, recipe, context.Seed + i,
                    new Dictionary<string, string> { ["inputSize"] = size.ToString(CultureInfo.InvariantCulture) });
                var module = context.TrainOrLoadZooModel(request, new ModelSpec(context.Dataset, InputSize: size));
                members.Add(new ModuleClassifier(module, context.Dataset.NumClasses, context.Device));
            }
        }
        catch
        {
            foreach (var member in members) member.Module.Dispose();
            throw;
        }
        return new FittedBufferZonesDefense(Id, Traits, members, options.BatchSize);
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);
}
