using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Evaluation.Protocol;

/// <summary>The live objects a cell runs with (the caller owns them all).</summary>
/// <param name="Defense">The fitted defense (the oracle).</param>
/// <param name="Context">The adversary's view: training data, profile, trainer, zoo, device, oracle key.</param>
/// <param name="Test">The profile's test images (first n), CPU.</param>
public sealed record TransferInputs(
    IFittedDefense Defense, IAdversaryModel Adversary, IAttack Attack, AdversaryContext Context, LabeledImages Test, ProtocolOptions Options);
