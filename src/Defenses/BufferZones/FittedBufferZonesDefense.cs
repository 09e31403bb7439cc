using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.BufferZones;

/// <summary>The fitted buffer-zones defense: its trained members' unanimous vote, else Reject. Owns the members.</summary>
public sealed class FittedBufferZonesDefense(string id, DefenseTraits traits, IReadOnlyList<ModuleClassifier> members, int batchSize) : IFittedDefense
{
    public string Id => id;

    public DefenseTraits Traits => traits;

    /// <summary>The trained members, in the order of <see cref="BufferZonesOptions.InputSizes"/>.</summary>
    public IReadOnlyList<ModuleClassifier> Members => members;

    public Tensor Predict(Tensor images) =>
        ClassifierExtensions.MapBatches(images, batchSize, batch =>
        {
            var votes = stack(members.Select(m => m.Logits(batch).argmax(1).cpu()).ToArray(), 0);
            return UnanimousVote.Decide(votes);
        });

    public void Dispose()
    {
        foreach (var member in members) member.Module.Dispose();
    }
}
