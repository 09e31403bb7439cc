using Robustness.Defenses.Bart.Transforms;

namespace Robustness.Defenses.Bart;

/// <summary>The transform groups of Raff et al. that apply to images with the given channel count (10 colour, 8 grey).</summary>
public static class BartGroups
{
    public static IReadOnlyList<IBartTransform> All { get; } =
    [
        new ColourPrecisionReduction(), new JpegNoise(), new Swirl(), new NoiseInjection(), new FftPerturbation(),
        new Zoom(), new ColourSpaceShift(), new ContrastEqualisation(), new GreyscaleMix(), new Denoising(),
    ];

    public static IReadOnlyList<IBartTransform> For(int channels) => channels switch
    {
        3 => All,
        1 => All.Where(t => !t.NeedsColour).ToList(),
        _ => throw new ArgumentException($"BaRT supports 1- or 3-channel images, got {channels} channels.", nameof(channels)),
    };
}
