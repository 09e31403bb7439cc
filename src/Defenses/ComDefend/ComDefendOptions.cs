using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Training;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// ComDefend (Jia et al., CVPR 2019). Defaults are the paper's: nine 3×3 conv layers each side with ELU
/// (ComCNN 16-32-64-128-256-128-64-32 → code; RecCNN 32-64-128-256-128-64-32-16 → image), a code of 12 channels
/// for RGB (4 for greyscale) at full resolution, Gaussian noise before the sigmoid while training so the code
/// learns to saturate, loss = reconstruction MSE + λ·mean(code²). At test time, as in the authors' test code and
/// Beware's DefenseComDefend, N(0, 1) noise is still subtracted from the code before the sigmoid (so the defense is
/// randomised); the CIFAR-10 code is then binarised, the Fashion-MNIST code is not. Quick and smoke profiles slim
/// the widths and epochs (profiles.json "defenses.comdefend").
/// </summary>
public sealed record ComDefendOptions : IDefenseOptions
{
    public int[] EncoderWidths { get; init; } = [16, 32, 64, 128, 256, 128, 64, 32];
    public int[] DecoderWidths { get; init; } = [32, 64, 128, 256, 128, 64, 32, 16];

    /// <summary>Code channels; null = 4 per image channel (12 for CIFAR-10, 4 for Fashion-MNIST).</summary>
    public int? CodeChannels { get; init; }

    /// <summary>Standard deviation of the Gaussian noise added to the code before the sigmoid while training.</summary>
    public double NoiseStd { get; init; } = 20.0;

    /// <summary>Standard deviation of the Gaussian noise subtracted from the code before the sigmoid at test time (reference: 1; 0 = deterministic).</summary>
    public double TestNoiseStd { get; init; } = 1.0;

    /// <summary>
    /// Threshold the test-time code at 0.5; null = the reference's choice, binarised for colour images (CIFAR-10)
    /// and the real-valued sigmoid code for greyscale (Beware's Fashion-MNIST path uses the unbinarised reconstruction).
    /// </summary>
    public bool? BinariseCode { get; init; }

    /// <summary>Weight λ of the code-sparsity term mean(code²).</summary>
    public double SparsityWeight { get; init; } = 1e-4;

    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;

    public int CodeChannelsFor(int imageChannels) => CodeChannels ?? 4 * imageChannels;

    public bool BinariseCodeFor(int imageChannels) => BinariseCode ?? imageChannels == 3;

    public TrainingRecipe Recipe() => new()
    {
        Epochs = Epochs, BatchSize = BatchSize, Optimizer = OptimizerKind.Adam, LearningRate = LearningRate,
        WeightDecay = 0, Schedule = LearningRateSchedule.Constant, Augmentation = Augmentation.None,
    };

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (EncoderWidths.Length == 0 || EncoderWidths.Any(w => w < 1)) throw new ArgumentException($"{section}.encoderWidths = [{string.Join(",", EncoderWidths)}] must be non-empty and positive.");
        if (DecoderWidths.Length == 0 || DecoderWidths.Any(w => w < 1)) throw new ArgumentException($"{section}.decoderWidths = [{string.Join(",", DecoderWidths)}] must be non-empty and positive.");
        if (CodeChannels is < 1) throw new ArgumentException($"{section}.codeChannels = {CodeChannels} must be >= 1.");
        if (!(NoiseStd >= 0)) throw new ArgumentException($"{section}.noiseStd = {NoiseStd} must be >= 0.");
        if (!(TestNoiseStd >= 0) || double.IsInfinity(TestNoiseStd)) throw new ArgumentException($"{section}.testNoiseStd = {TestNoiseStd} must be finite and >= 0.");
        if (!(SparsityWeight >= 0)) throw new ArgumentException($"{section}.sparsityWeight = {SparsityWeight} must be >= 0.");
        if (Epochs < 1 || BatchSize < 1 || !(LearningRate > 0)) throw new ArgumentException($"{section}: epochs = {Epochs}, batchSize = {BatchSize}, learningRate = {LearningRate} must be positive.");
    }
}
