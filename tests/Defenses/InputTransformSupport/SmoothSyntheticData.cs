using Robustness.Core.Data;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.InputTransformSupport;

/// <summary>
/// <see cref="SyntheticData"/> drawn at 8×8 and upsampled bilinearly to the dataset's size: class templates with
/// natural-image-like low-frequency content (the raw per-pixel templates are pure high-frequency noise, which
/// any JPEG-style or denoising defense rightly destroys).
/// </summary>
public static class SmoothSyntheticData
{
    public static LabeledImages Create(DatasetInfo dataset, int count, long seed) => Upsample(SyntheticData.Create(dataset, count, seed, size: 8), dataset);

    public static LabeledImages CreateHeldOut(DatasetInfo dataset, int count, long seed)
    {
        using var all = Create(dataset, count * 2, seed);
        return new LabeledImages(all.Images.narrow(0, count, count).clone(), all.Labels.narrow(0, count, count).clone());
    }

    private static LabeledImages Upsample(LabeledImages small, DatasetInfo dataset)
    {
        using (small)
        {
            var images = nn.functional.interpolate(small.Images, new long[] { dataset.Height, dataset.Width }, mode: InterpolationMode.Bilinear, align_corners: false);
            return new LabeledImages(images.clamp(0, 1), small.Labels.clone());
        }
    }
}
