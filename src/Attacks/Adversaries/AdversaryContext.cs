using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Attacks.Adversaries;

/// <summary>What an adversary knows and uses besides the oracle.</summary>
/// <param name="Train">The training set of the profile; the adversary takes its first fraction q (CPU, caller-owned).</param>
/// <param name="OracleKey">
/// Identifies the fitted oracle in surrogate artefact keys (defense id, its artefact hash or variant, profile, seed):
/// two oracles with the same key must answer identically.
/// </param>
/// <param name="HeldOut">
/// Images the surrogate never trains on (e.g. the test images); when given, the surrogate's agreement with the
/// oracle is measured on them after building. Those oracle calls are measurement, not adversary queries.
/// </param>
public sealed record AdversaryContext(
    DatasetInfo Dataset,
    LabeledImages Train,
    DatasetProfile Profile,
    INetworkTrainer Networks,
    IModelZoo Zoo,
    Device Device,
    string OracleKey,
    Tensor? HeldOut = null);
