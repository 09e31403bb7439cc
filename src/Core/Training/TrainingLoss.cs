using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>A training objective: the network's output on a batch, the (possibly transformed) inputs, the labels.</summary>
public delegate Tensor TrainingLoss(Tensor output, Tensor inputs, Tensor labels);

/// <summary>A per-batch input transformation applied while training (augmentation, BaRT barrages, ...).</summary>
public delegate Tensor BatchTransform(Tensor images, Generator generator);
