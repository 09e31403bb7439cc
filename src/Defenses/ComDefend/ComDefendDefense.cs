using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Training;
using Robustness.Defenses.Vanilla;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// Jia et al., CVPR 2019 — ComDefend: the image is compressed to a code and reconstructed before the undefended
/// backbone (the vanilla defense's artefact) classifies it. Randomised at test time (code noise, σ = 1, as in the
/// reference test code): the fitted defense owns a generator seeded from the context seed, so a run's answers reproduce.
/// </summary>
public sealed class ComDefendDefense(ComDefendOptions options) : IDefense
{
    public const string AutoencoderRole = "autoencoder";
    public const string AutoencoderArchitecture = "comdefend-autoencoder";

    public string Id => DefenseIds.ComDefend;

    /// <summary>Binarisation and the 8-bit truncation have zero gradient: no useful white-box path (BPDA aside).</summary>
    public DefenseTraits Traits { get; } = new(Randomized: options.TestNoiseStd > 0, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1);

    /// <summary>The options in force (the profile's "defenses.comdefend" section bound over the defaults).</summary>
    public ComDefendOptions Options => options;

    public FittedComDefendDefense Fit(DefenseContext context)
    {
        var (autoencoder, report) = context.TrainOrLoad(Request(context),
            () => new ComDefendAutoencoder(context.Dataset.Channels, options, context.Seed));
        try
        {
            var backbone = VanillaBackbone.Fit(context);
            return new FittedComDefendDefense(Traits, autoencoder, report, backbone, context.Device, new Generator((ulong)context.Seed + 0xc0de));
        }
        catch
        {
            autoencoder.Dispose();
            throw;
        }
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);

    private NetworkRequest Request(DefenseContext context)
    {
        var config = new Dictionary<string, string>
        {
            ["encoderWidths"] = string.Join(",", options.EncoderWidths),
            ["decoderWidths"] = string.Join(",", options.DecoderWidths),
            ["codeChannels"] = options.CodeChannelsFor(context.Dataset.Channels).ToString(CultureInfo.InvariantCulture),
            ["noiseStd"] = options.NoiseStd.ToString("R", CultureInfo.InvariantCulture),
            ["sparsityWeight"] = options.SparsityWeight.ToString("R", CultureInfo.InvariantCulture),
        };
        return new NetworkRequest(Id, AutoencoderRole, AutoencoderArchitecture, options.Recipe(), context.Seed, config, ComDefendLoss.Create(options.SparsityWeight));
    }
}
