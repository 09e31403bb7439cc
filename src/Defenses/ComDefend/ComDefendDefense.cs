using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Training;
using Robustness.Defenses.Vanilla;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// Jia et al., CVPR 2019 — ComDefend: the image is compressed to a binary code and reconstructed before the
/// undefended backbone (the vanilla defense's artefact) classifies it. Deterministic at test time.
/// </summary>
public sealed class ComDefendDefense(ComDefendOptions options) : IDefense
{
    public const string AutoencoderRole = "autoencoder";
    public const string AutoencoderArchitecture = "comdefend-autoencoder";

    private ModuleClassifier? backbone;
    private ComDefendAutoencoder? autoencoder;
    private Device device = CPU;

    public string Id => DefenseIds.ComDefend;

    /// <summary>Binarisation has zero gradient: no useful white-box path (BPDA aside).</summary>
    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1);

    public ComDefendAutoencoder Autoencoder => autoencoder ?? throw NotFitted();

    public IClassifier? Backbone => backbone;

    public TrainingReport? AutoencoderReport { get; private set; }

    public void Fit(DefenseContext context)
    {
        var settings = context.Profile.Section($"defenses.{DefenseIds.ComDefend}", options);
        settings.Validate();
        Dispose();
        device = context.Device;
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
        model.eval();
        return ClassifierExtensions.MapBatches(images, 256, batch => model.Purify(batch.to(device)).cpu());
    }

    public Tensor Predict(Tensor images)
    {
        var model = Autoencoder;
        var classifier = backbone ?? throw NotFitted();
        model.eval();
        return ClassifierExtensions.MapBatches(images, 256, batch => classifier.Logits(model.Purify(batch.to(device))).argmax(1).cpu());
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
        backbone = null;
        autoencoder = null;
    }
}
