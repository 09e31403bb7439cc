using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;

namespace Robustness.Defenses.Ensembles;

/// <summary>Builds an ensemble of zoo members and trains them jointly as one cached network (ADP, ECOC).</summary>
public static class JointTraining
{
    /// <summary>
    /// Members of <paramref name="architecture"/>, stacked, trained with <paramref name="loss"/> (or loaded from the artefact
    /// store when already trained) through <see cref="DefenseContext.TrainOrLoad{T}"/>; <paramref name="recipe"/> null = the
    /// profile's backbone recipe. The caller owns the result.
    /// </summary>
    public static StackedMembers TrainOrLoad(DefenseContext context, string owner, string role, string architecture, int memberCount,
        int outputsPerMember, IReadOnlyDictionary<string, string> config, TrainingLoss loss, TrainingRecipe? recipe = null)
    {
        var request = new NetworkRequest(owner, role, $"{memberCount}x-{architecture}", recipe ?? context.Profile.BackboneRecipe, context.Seed,
            config, Loss: loss);
        return context.TrainOrLoad(request, () =>
        {
            var members = Enumerable.Range(0, memberCount)
                .Select(_ => context.Zoo.Create(architecture, new ModelSpec(context.Dataset, Outputs: outputsPerMember)))
                .ToArray();
            return new StackedMembers($"{owner}-{role}", members, outputsPerMember);
        }).Network;
    }
}
