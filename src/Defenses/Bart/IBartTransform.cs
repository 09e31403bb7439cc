using static TorchSharp.torch;

namespace Robustness.Defenses.Bart;

/// <summary>
/// One of BaRT's transform groups (Raff et al., CVPR 2019). Each image of the batch gets its own random
/// variant and parameters, drawn only from <c>generator</c>. Output: same shape, values in [0,1].
/// </summary>
public interface IBartTransform
{
    /// <summary>Kebab-case name, as the artefact config and reports list it.</summary>
    string Name { get; }

    /// <summary>True for groups that only make sense on colour images (colour-space shifts, greyscale mix).</summary>
    bool NeedsColour { get; }

    Tensor Apply(Tensor images, Generator generator);
}
