namespace Robustness.Core.Training;

/// <summary>
/// One network a component needs trained. The artefact key is built from every field but the delegates,
/// plus <see cref="Config"/>, which must describe whatever the delegates depend on.
/// </summary>
/// <param name="Owner">Component id: a defense id, "vanilla", "surrogate" ...</param>
/// <param name="Role">The network's role within the owner: "backbone", "member-0", "comcnn" ...</param>
/// <param name="ArchitectureId">Zoo model id, or a descriptive id for a custom architecture.</param>
/// <param name="Config">Extra settings that change the result (loss weights, transform settings); hashed into the key.</param>
public sealed record NetworkRequest(
    string Owner,
    string Role,
    string ArchitectureId,
    TrainingRecipe Recipe,
    long Seed,
    IReadOnlyDictionary<string, string>? Config = null,
    TrainingLoss? Loss = null,
    BatchTransform? InputTransform = null);
