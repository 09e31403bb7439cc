using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using TorchSharp;

namespace Robustness.Defenses.Ensembles;

/// <summary>Builds an ensemble of zoo members and trains them jointly as one cached network (ADP, ECOC).</summary>
public static class JointTraining
{
    /// <summary>
    /// Seeded members of <paramref name="architecture"/>, stacked, trained with the loss built for the stack (or loaded
    /// from the artefact store when already trained), on the context's device, in evaluation mode.
    /// </summary>
    public static StackedMembers TrainOrLoad(DefenseContext context, string owner, string role, string architecture, int memberCount,
        int outputsPerMember, IReadOnlyDictionary<string, string> config, Func<StackedMembers, TrainingLoss> loss)
    {
        torch.manual_seed(context.Seed);
        var members = Enumerable.Range(0, memberCount)
            .Select(_ => context.Zoo.Create(architecture, new ModelSpec(context.Dataset, Outputs: outputsPerMember)))
            .ToArray();
        var stacked = new StackedMembers($"{owner}-{role}", members, outputsPerMember);
        stacked.to(context.Device);
        var request = new NetworkRequest(owner, role, $"{memberCount}x-{architecture}", context.Profile.BackboneRecipe, context.Seed,
            config, Loss: loss(stacked));
        context.Networks.TrainOrLoad(request, stacked, context.Train);
        stacked.eval();
        return stacked;
    }
}
