using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Attacks.Adversaries;

/// <summary>How often the surrogate's arg-max equals the oracle's answer on held-out images (oracle Rejects excluded).</summary>
public static class SurrogateAgreement
{
    public static double? Measure(IClassifier surrogate, IFittedDefense oracle, Tensor heldOut)
    {
        using var scope = NewDisposeScope();
        var oracleLabels = oracle.Predict(heldOut).cpu();
        var surrogateLabels = surrogate.PredictLabels(heldOut);
        var answered = oracleLabels.ne(Labels.Reject);
        var count = answered.sum().item<long>();
        if (count == 0) return null;
        var agree = surrogateLabels.eq(oracleLabels).logical_and(answered).sum().item<long>();
        return (double)agree / count;
    }
}
