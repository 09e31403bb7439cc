using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart;

/// <summary>
/// The fitted BaRT defense: the barrage, then the backbone trained on it. Its generator advances with every query
/// (the defense is randomised), so answers reproduce for the same sequence of queries. Owns backbone and generator.
/// </summary>
public sealed class FittedBartDefense(DefenseTraits traits, ModuleClassifier backbone, BartBarrage barrage, Generator generator) : IFittedDefense
{
    public string Id => DefenseIds.Bart;

    public DefenseTraits Traits => traits;

    public BartBarrage Barrage => barrage;

    /// <summary>The backbone trained on barrage-transformed images (without the barrage in front).</summary>
    public IClassifier Backbone => backbone;

    public Tensor Predict(Tensor images) =>
        ClassifierExtensions.MapBatches(images, 256, batch => backbone.Logits(barrage.Apply(batch, generator)).argmax(1).cpu());

    public void Dispose()
    {
        backbone.Module.Dispose();
        generator.Dispose();
    }
}
