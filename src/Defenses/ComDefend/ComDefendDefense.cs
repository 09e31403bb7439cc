using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Training;
using Robustness.Defenses.Vanilla;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// Jia et al., CVPR 2019 — ComDefend: the image is compressed to a code and reconstructed before the undefended
/// backbone (the vanilla defense's artefact) classifies it. Randomised at test time (code noise, σ = 1, as in the
/// reference test code): the defense owns a generator seeded from the context seed, so a run's answers reproduce.
/// </summary>
public sealed class ComDefendDefense(ComDefendOptions options) : IDefense
{
    public const string AutoencoderRole = "autoencoder";
    public const string AutoencoderArchitecture = "comdefend-autoencoder";

    private ModuleClassifier? backbone;
    private ComDefendAutoencoder? autoencoder;
    private Device device = CPU;
    private Generator? generator;
    private ComDefendOptions? fitted;

    public string Id => DefenseIds.ComDefend;

    /// <summary>Binarisation and the 8-bit truncation have zero gradient: no useful white-box path (BPDA aside).</summary>
    public DefenseTraits Traits => new(Randomized: (fitted ?? options).TestNoiseStd > 0, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1);

    public ComDefendAutoencoder Autoencoder => autoencoder ?? throw NotFitted();

    public IClassifier? Backbone => backbone;

    public TrainingReport? AutoencoderReport { get; private set; }

    public void Fit(DefenseContext context)
    {
        var settings = context.Profile.Section($"defenses.{DefenseIds.ComDefend}", options);
        settings.Validate();
        Dispose();
        fitted = settings;
        device = context.Device;
        generator = new Generator((ulong)context.Seed + 0xc0de);
        torch.manual_seed(context.Seed);
        autoencoder = new ComDefendAutoencoder(context.Dataset.Channels, settings, context.Seed);
        autoencoder.to(device);
        AutoencoderReport = context.Networks.TrainOrLoad(Request(settings, context), autoencoder, context.Train);
        autoencoder.eval();
        backbone = VanillaBackbone.Fit(context);
    }

    /// <summary>The purified images [N,C,H,W] in [0,1] on CPU (what the backbone sees).</summary>
    public Tensor Purify(Tensor images)
    {
        var model = Autoencoder;
        var noise = generator!;
        model.eval();
        return ClassifierExtensions.MapBatches(images, 256, batch => model.Purify(batch.to(device), noise).cpu());
    }

    public Tensor Predict(Tensor images)
    {
        var model = Autoencoder;
        var classifier = backbone ?? throw NotFitted();
        var noise = generator!;
        model.eval();
        return ClassifierExtensions.MapBatches(images, 256, batch => classifier.Logits(model.Purify(batch.to(device), noise)).argmax(1).cpu());
    }

    private NetworkRequest Request(ComDefendOptions settings, DefenseContext context)
    {
        var config = new Dictionary<string, string>
        {
            ["encoderWidths"] = string.Join(",", settings.EncoderWidths),
            ["decoderWidths"] = string.Join(",", settings.DecoderWidths),
            ["codeChannels"] = settings.CodeChannelsFor(context.Dataset.Channels).ToString(CultureInfo.InvariantCulture),
            ["noiseStd"] = settings.NoiseStd.ToString("R", CultureInfo.InvariantCulture),
            ["sparsityWeight"] = settings.SparsityWeight.ToString("R", CultureInfo.InvariantCulture),
        };
        return new NetworkRequest(Id, AutoencoderRole, AutoencoderArchitecture, settings.Recipe(), context.Seed, config, ComDefendLoss.Create(settings.SparsityWeight));
    }

    private static InvalidOperationException NotFitted() => new($"{DefenseIds.ComDefend}: Fit must be called before Predict.");

    public void Dispose()
    {
        backbone?.Module.Dispose();
        autoencoder?.Dispose();
        generator?.Dispose();
        generator = null;
        backbone = null;
        autoencoder = null;
    }
}
