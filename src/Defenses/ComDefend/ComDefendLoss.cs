using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>ComDefend's objective: ‖RecCNN(·) − x‖² (mean) + λ·mean(ComCNN(x)²), on the autoencoder's packed output.</summary>
public static class ComDefendLoss
{
    public static TrainingLoss Create(double sparsityWeight) => (output, inputs, _) =>
    {
        var imageElements = inputs[0].numel();
        var reconstruction = output.narrow(1, 0, imageElements);
        var code = output.narrow(1, imageElements, output.shape[1] - imageElements);
        return nn.functional.mse_loss(reconstruction, inputs.flatten(1)) + sparsityWeight * code.pow(2).mean();
    };
}
