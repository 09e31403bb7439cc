using Robustness.Attacks;
using Robustness.Core.Data;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// L∞ budgets of the paper's protocol on the [0,1] scale (DESIGN §4): CIFAR-10 ε = 0.05 for every attack;
/// Fashion-MNIST ε = 0.15 for FGSM and 0.1 for the iterative attacks. C&amp;W and EAD are unbounded (ε is ignored).
/// </summary>
public static class ProtocolEpsilon
{
    public static double Default(string datasetId, string attackId) => datasetId switch
    {
        DatasetIds.Cifar10 => 0.05,
        DatasetIds.FashionMnist => attackId == AttackIds.Fgsm ? 0.15 : 0.1,
        _ => throw new ArgumentException($"No protocol ε for dataset '{datasetId}'.", nameof(datasetId)),
    };
}
