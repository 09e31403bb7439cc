using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>
/// First layer of every zoo model: optional bilinear resize to a square size, then per-channel normalisation
/// with the dataset's mean and standard deviation, then the model's memory layout. Inputs stay in [0,1] outside the model.
/// </summary>
public sealed class InputStage : nn.Module<Tensor, Tensor>
{
    // Mean and std live only as registered buffers: Module.to(...) replaces a buffer's tensor but not a field
    // holding the old one, so forward reads them through get_buffer and follows the module to its device.
    private const string MeanBuffer = "mean";
    private const string StdBuffer = "std";
    private readonly int? size;
    private readonly MemoryLayout layout;

    public InputStage(DatasetInfo dataset, int? size, MemoryLayout layout) : base(nameof(InputStage))
    {
        if (size is <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "InputSize must be positive");
        this.size = size;
        this.layout = layout;
        register_buffer(MeanBuffer, tensor(dataset.Mean).reshape(1, dataset.Channels, 1, 1), persistent: false);
        register_buffer(StdBuffer, tensor(dataset.Std).reshape(1, dataset.Channels, 1, 1), persistent: false);
    }

    /// <summary>The square size inputs are resized to, or null when they pass at their own size.</summary>
    public int? Size => size;

    public override Tensor forward(Tensor input)
    {
        var x = input;
        if (size is { } s && (x.shape[2] != s || x.shape[3] != s))
            x = nn.functional.interpolate(x, size: [s, s], mode: InterpolationMode.Bilinear, align_corners: false);
        var normalised = (x - get_buffer(MeanBuffer)!) / get_buffer(StdBuffer)!;
        return layout == MemoryLayout.ChannelsLast ? ToChannelsLast(normalised) : normalised;
    }

    /// <summary>Same logical [N, C, H, W] tensor with N, H, W, C strides; convolutions and BatchNorm keep that layout.</summary>
    private static Tensor ToChannelsLast(Tensor x) => x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
}
