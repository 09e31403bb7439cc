using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>
/// The zoo: every id of <see cref="ModelIds"/>. VGG models see 32×32 inputs (Fashion-MNIST 28×28 is resized
/// bilinearly inside the model, as in the paper); <see cref="ModelSpec.InputSize"/> overrides the internal size.
/// </summary>
public sealed class ModelZoo : IModelZoo
{
    public IReadOnlyList<string> Ids => ModelIds.All;

    public nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec)
    {
        NativeLibrary.EnsureLoaded();
        var native = spec.InputSize ?? spec.Dataset.Height;
        return modelId switch
        {
            ModelIds.SmallCnn => SmallCnn.Create(spec, native),
            ModelIds.SurrogateCnn => SurrogateCnn.Create(spec, native),
            ModelIds.SurrogateCnnDropout => SurrogateCnn.Create(spec, native, SurrogateCnn.PaperDropout),
            ModelIds.ResNet20 => PreActResNet.Create(spec, 20),
            ModelIds.ResNet56 => PreActResNet.Create(spec, 56),
            ModelIds.Vgg16Bn => VggBn.Create(Resized(spec, 32), 1, spec.InputSize ?? 32),
            ModelIds.VggSlimBn => VggBn.Create(Resized(spec, 32), 4, spec.InputSize ?? 32),
            _ => throw new ArgumentException($"Unknown model id '{modelId}'. Known: {string.Join(", ", ModelIds.All)}.", nameof(modelId)),
        };
    }

    private static ModelSpec Resized(ModelSpec spec, int size) =>
        spec.InputSize is null && spec.Dataset.Height != size ? spec with { InputSize = size } : spec;
}
