using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Defenses.Ensembles;

namespace Robustness.Defenses.Ecoc;

/// <summary>
/// ECOC defense (Verma &amp; Swami, NeurIPS 2019): sub-networks each predict a slice of a Hadamard codeword
/// (tanh bits), trained jointly with <see cref="EcocHingeLoss"/>; the label is decoded by correlation with the
/// codewords (<see cref="EcocDecoder"/>). Deterministic; one query costs one pass of every sub-network.
/// </summary>
public sealed class EcocDefense(EcocOptions options) : IDefense
{
    public const string Role = "code-networks";

    public string Id => DefenseIds.Ecoc;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: options.Networks);

    /// <summary>The options in force (the profile's "defenses.ecoc" section bound over the defaults).</summary>
    public EcocOptions Options => options;

    public FittedEcocDefense Fit(DefenseContext context)
    {
        var architecture = options.NetworkArchitecture ?? context.Profile.Backbone;
        var decoder = new EcocDecoder(HadamardCode.Codewords(context.Dataset.NumClasses, options.CodeLength), options.DecodingFloor);
        try
        {
            var recipe = options.Epochs is { } epochs ? context.Profile.BackboneRecipe with { Epochs = epochs } : context.Profile.BackboneRecipe;
            var stacked = JointTraining.TrainOrLoad(context, DefenseIds.Ecoc, Role, architecture, options.Networks, options.BitsPerNetwork,
                Config(options), (output, _, labels) => EcocHingeLoss.Compute(output, labels, decoder.Codewords), recipe);
            return new FittedEcocDefense(Traits, new ModuleOutputClassifier(stacked, decoder.Logits, context.Dataset.NumClasses, context.Device), decoder);
        }
        catch
        {
            decoder.Dispose();
            throw;
        }
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);

    private static Dictionary<string, string> Config(EcocOptions o) => new()
    {
        ["code"] = "hadamard-spanning-rows-signed",
        ["codeLength"] = o.CodeLength.ToString(CultureInfo.InvariantCulture),
        ["networks"] = o.Networks.ToString(CultureInfo.InvariantCulture),
        ["loss"] = "hinge-on-raw-bit-scores",
    };
}
