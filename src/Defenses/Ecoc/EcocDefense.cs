using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Defenses.Ensembles;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Ecoc;

/// <summary>
/// ECOC defense (Verma &amp; Swami, NeurIPS 2019): sub-networks each predict a slice of a Hadamard codeword
/// (tanh bits), trained jointly with <see cref="EcocHingeLoss"/>; the label is decoded by correlation with the
/// codewords (<see cref="EcocDecoder"/>). Deterministic; one query costs one pass of every sub-network.
/// </summary>
public sealed class EcocDefense : IDefense
{
    public const string Role = "code-networks";

    private readonly EcocOptions defaults;
    private ModuleOutputClassifier? networks;
    private EcocDecoder? decoder;

    public EcocDefense(EcocOptions options)
    {
        defaults = options;
        Options = options;
        Traits = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: options.Networks);
    }

    public string Id => DefenseIds.Ecoc;

    public DefenseTraits Traits { get; private set; }

    /// <summary>The options after the profile's "defenses.ecoc" overrides (set by <see cref="Fit"/>).</summary>
    public EcocOptions Options { get; private set; }

    public void Fit(DefenseContext context)
    {
        Options = context.Profile.Section($"defenses.{DefenseIds.Ecoc}", defaults);
        Options.Validate();
        Traits = Traits with { ForwardPassesPerQuery = Options.Networks };
        var current = Options;
        var architecture = current.NetworkArchitecture ?? context.Profile.Backbone;
        var newDecoder = new EcocDecoder(HadamardCode.Codewords(context.Dataset.NumClasses, current.CodeLength), current.DecodingFloor);
        var training = current.Epochs is { } epochs
            ? context with { Profile = context.Profile with { BackboneRecipe = context.Profile.BackboneRecipe with { Epochs = epochs } } }
            : context;
        var stacked = JointTraining.TrainOrLoad(training, DefenseIds.Ecoc, Role, architecture, current.Networks, current.BitsPerNetwork,
            Config(current), _ => (output, _, labels) => EcocHingeLoss.Compute(output, labels, newDecoder.Codewords));
        Dispose();
        decoder = newDecoder;
        networks = new ModuleOutputClassifier(stacked, newDecoder.Logits, context.Dataset.NumClasses, context.Device);
    }

    /// <summary>Class of the nearest codeword to the decoded bits.</summary>
    public Tensor Predict(Tensor images)
    {
        var (fitted, code) = Fitted;
        return ClassifierExtensions.MapBatches(images, 256, batch => code.Decode(fitted.RawOutput(batch)).cpu());
    }

    /// <summary>Differentiable path: logits log(max(tanh(z)·C_k, 0) + floor), whose softmax is the paper's probability.</summary>
    public IClassifier? AsClassifier() => Fitted.Networks;

    /// <summary>
    /// The decoded bits tanh(z) [N, CodeLength] (CPU, float64 so that the open interval (−1, 1) survives rounding for
    /// |z| up to ≈ 19; float32 rounds tanh(z) to ±1 beyond |z| ≈ 9), batched without autograd.
    /// </summary>
    public Tensor Bits(Tensor images) =>
        ClassifierExtensions.MapBatches(images, 256, batch => EcocDecoder.Bits(Fitted.Networks.RawOutput(batch).to(float64)).cpu());

    /// <summary>The codewords [classes, CodeLength] in use (after <see cref="Fit"/>).</summary>
    public Tensor Codewords => Fitted.Decoder.Codewords;

    private static Dictionary<string, string> Config(EcocOptions o) => new()
    {
        ["code"] = "hadamard-spanning-rows-signed",
        ["codeLength"] = o.CodeLength.ToString(CultureInfo.InvariantCulture),
        ["networks"] = o.Networks.ToString(CultureInfo.InvariantCulture),
        ["loss"] = "hinge-on-raw-bit-scores",
    };

    private (ModuleOutputClassifier Networks, EcocDecoder Decoder) Fitted =>
        networks is not null && decoder is not null
            ? (networks, decoder)
            : throw new InvalidOperationException($"{DefenseIds.Ecoc}: Fit must be called before Predict.");

    public void Dispose()
    {
        networks?.Dispose();
        decoder?.Dispose();
        networks = null;
        decoder = null;
    }
}
