using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.BufferZones;

/// <summary>
/// Buffer zones: M backbones, member i behind a fixed resize to <see cref="BufferZonesOptions.InputSizes"/>[i]
/// (<see cref="ModelSpec.InputSize"/>), each trained separately with its own seed; unanimous vote, else Reject.
/// Deviation: the paper's per-member secret linear input transformation is not applied (resize only).
/// </summary>
public abstract class BufferZonesDefense(BufferZonesOptions defaults) : IDefense
{
    private readonly List<ModuleClassifier> members = [];
    private BufferZonesOptions? fitted;

    public abstract string Id { get; }

    public DefenseTraits Traits => new(Randomized: false, CanReject: true, Differentiable: false, ForwardPassesPerQuery: Options.InputSizes.Length);

    /// <summary>The fitted members, in the order of <see cref="BufferZonesOptions.InputSizes"/>.</summary>
    public IReadOnlyList<ModuleClassifier> Members => members;

    /// <summary>The options in force: the profile's overrides once fitted, else the defaults.</summary>
    public BufferZonesOptions Options => fitted ?? defaults;

    public void Fit(DefenseContext context)
    {
        fitted = context.Profile.Section($"defenses.{Id}", defaults);
        Validate(fitted);
        DisposeMembers();
        var recipe = Options.MemberEpochs is { } epochs ? context.Profile.BackboneRecipe with { Epochs = epochs } : context.Profile.BackboneRecipe;
        for (var i = 0; i < Options.InputSizes.Length; i++)
        {
            var size = Options.InputSizes[i];
            var seed = context.Seed + i;
            torch.manual_seed(seed);
            var module = context.Zoo.Create(context.Profile.Backbone, new ModelSpec(context.Dataset, InputSize: size));
            module.to(context.Device);
            var request = new NetworkRequest(Id, $"member-{i}", context.Profile.Backbone, recipe, seed,
                new Dictionary<string, string> { ["inputSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            context.Networks.TrainOrLoad(request, module, context.Train);
            module.eval();
            members.Add(new ModuleClassifier(module, context.Dataset.NumClasses, context.Device));
        }
    }

    public Tensor Predict(Tensor images)
    {
        if (members.Count == 0) throw new InvalidOperationException($"{Id}: Fit must be called before Predict.");
        return ClassifierExtensions.MapBatches(images, Options.BatchSize, batch =>
        {
            var votes = stack(members.Select(m => m.Logits(batch).argmax(1).cpu()).ToArray(), 0);
            return UnanimousVote.Decide(votes);
        });
    }

    private void Validate(BufferZonesOptions o)
    {
        if (o.InputSizes is null || o.InputSizes.Length == 0)
            throw new InvalidDataException($"defenses.{Id}.inputSizes must list at least one size.");
        if (o.InputSizes.Any(s => s < 8))
            throw new InvalidDataException($"defenses.{Id}.inputSizes: every size must be >= 8, got [{string.Join(",", o.InputSizes)}].");
        if (o.InputSizes.Distinct().Count() != o.InputSizes.Length)
            throw new InvalidDataException($"defenses.{Id}.inputSizes: sizes must be distinct, got [{string.Join(",", o.InputSizes)}].");
        if (o.MemberEpochs is < 1)
            throw new InvalidDataException($"defenses.{Id}.memberEpochs must be >= 1, got {o.MemberEpochs}.");
        if (o.BatchSize < 1)
            throw new InvalidDataException($"defenses.{Id}.batchSize must be >= 1, got {o.BatchSize}.");
    }

    private void DisposeMembers()
    {
        foreach (var member in members) member.Module.Dispose();
        members.Clear();
    }

    public void Dispose()
    {
        DisposeMembers();
        GC.SuppressFinalize(this);
    }
}
