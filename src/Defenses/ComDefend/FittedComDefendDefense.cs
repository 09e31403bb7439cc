using Robustness.Core.Contracts;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// The fitted ComDefend defense: trained autoencoder in front of the vanilla backbone. Its generator draws the
/// test-time code noise and advances with every query. Owns autoencoder, backbone and generator.
/// </summary>
public sealed class FittedComDefendDefense(
    DefenseTraits traits, ComDefendAutoencoder autoencoder, TrainingReport autoencoderReport, ModuleClassifier backbone, Device device, Generator generator)
    : IFittedDefense
{
    public string Id => DefenseIds.ComDefend;

    public DefenseTraits Traits => traits;

    public ComDefendAutoencoder Autoencoder => autoencoder;

    /// <summary>The undefended backbone (shared with the vanilla defense through the artefact store).</summary>
    public IClassifier Backbone => backbone;

    public TrainingReport AutoencoderReport => autoencoderReport;

    /// <summary>The purified images [N,C,H,W] in [0,1] on CPU (what the backbone sees).</summary>
    public Tensor Purify(Tensor images)
    {
        autoencoder.eval();
        return ClassifierExtensions.MapBatches(images, 256, batch => autoencoder.Purify(batch.to(device), generator).cpu());
    }

    public Tensor Predict(Tensor images)
    {
        autoencoder.eval();
        return ClassifierExtensions.MapBatches(images, 256, batch => backbone.Logits(autoencoder.Purify(batch.to(device), generator)).argmax(1).cpu());
    }

    public void Dispose()
    {
        backbone.Module.Dispose();
        autoencoder.Dispose();
        generator.Dispose();
    }
}
