using NUnit.Framework;
using Robustness.Defenses.Adp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Adp;

public sealed class AdpLossTests
{
    // Two examples, three members, four classes; every row sums to one.
    private static readonly double[,,] P =
    {
        { { 0.70, 0.10, 0.15, 0.05 }, { 0.60, 0.30, 0.05, 0.05 }, { 0.50, 0.05, 0.05, 0.40 } },
        { { 0.10, 0.20, 0.30, 0.40 }, { 0.25, 0.25, 0.25, 0.25 }, { 0.05, 0.80, 0.05, 0.10 } },
    };
    private static readonly long[] Y = [0, 3];

    [Test]
    public void LogEnsembleDiversity_TinyBatch_EqualsHandComputation()
    {
        const double epsilon = 1e-6;
        var actual = AdpLoss.LogEnsembleDiversity(Probabilities(), tensor(Y), epsilon).data<double>().ToArray();
        for (var n = 0; n < 2; n++)
            Assert.That(actual[n], Is.EqualTo(HandLogDet(n, epsilon)).Within(1e-9), $"example {n}");
    }

    [Test]
    public void EnsembleEntropy_TinyBatch_EqualsHandComputation()
    {
        var actual = AdpLoss.EnsembleEntropy(Probabilities(), 1e-20).data<double>().ToArray();
        for (var n = 0; n < 2; n++)
            Assert.That(actual[n], Is.EqualTo(HandEntropy(n)).Within(1e-9), $"example {n}");
    }

    [Test]
    public void Compute_TinyBatch_EqualsCrossEntropyMinusWeightedTerms()
    {
        var options = new AdpOptions();
        var logits = Probabilities().log();
        var actual = AdpLoss.Compute(logits, tensor(Y), options).item<double>();
        double crossEntropy = 0, entropy = 0, logDet = 0;
        for (var n = 0; n < 2; n++)
        {
            for (var m = 0; m < 3; m++) crossEntropy += -Math.Log(P[n, m, Y[n]]) / 2;
            entropy += HandEntropy(n) / 2;
            logDet += HandLogDet(n, options.LogDetEpsilon) / 2;
        }
        Assert.That(actual, Is.EqualTo(crossEntropy - 2.0 * entropy - 0.5 * logDet).Within(1e-9));
    }

    [Test]
    public void LogEnsembleDiversity_IdenticalMembers_ReachesEpsilonFloor()
    {
        // Identical normalised columns: Gram = all-ones J, det(J + εI) = ε²(3 + ε).
        const double epsilon = 1e-6;
        var same = tensor(new double[] { 0.1, 0.2, 0.3, 0.4 }).expand(1, 3, 4).contiguous();
        var actual = AdpLoss.LogEnsembleDiversity(same, tensor(new long[] { 3 }), epsilon).item<double>();
        Assert.That(actual, Is.EqualTo(Math.Log(epsilon * epsilon * (3 + epsilon))).Within(1e-6));
    }

    [Test]
    public void Compute_DiverseMembers_LowerThanIdenticalMembersWithSameCorrectness()
    {
        // Same true-class probability 0.7 everywhere; only the non-maximal part differs.
        var diverse = tensor(new double[,,] { { { 0.7, 0.3, 0, 0 }, { 0.7, 0, 0.3, 0 }, { 0.7, 0, 0, 0.3 } } }).clamp_min(1e-9);
        var identical = tensor(new double[,,] { { { 0.7, 0.1, 0.1, 0.1 }, { 0.7, 0.1, 0.1, 0.1 }, { 0.7, 0.1, 0.1, 0.1 } } });
        var options = new AdpOptions { Alpha = 0 };
        var labels = tensor(new long[] { 0 });
        Assert.That(AdpLoss.Compute(diverse.log(), labels, options).item<double>(),
            Is.LessThan(AdpLoss.Compute(identical.log(), labels, options).item<double>()));
    }

    [Test]
    public void Compute_WrongShape_ThrowsNamingTheShape()
    {
        var error = Assert.Throws<ArgumentException>(() => AdpLoss.Compute(zeros(2, 4), tensor(new long[] { 0, 1 }), new AdpOptions()));
        Assert.That(error!.Message, Does.Contain("[N,M,K]").And.Contain("[2,4]"));
    }

    private static Tensor Probabilities() => tensor(P.Cast<double>().ToArray(), [2, 3, 4], float64);

    private static double HandEntropy(int n)
    {
        double h = 0;
        for (var k = 0; k < 4; k++)
        {
            var mean = (P[n, 0, k] + P[n, 1, k] + P[n, 2, k]) / 3;
            h -= mean * Math.Log(mean + 1e-20);
        }
        return h;
    }

    private static double HandLogDet(int n, double epsilon)
    {
        // Columns: the member's probabilities without the true class, normalised to unit length.
        var columns = new double[3][];
        for (var m = 0; m < 3; m++)
        {
            var v = Enumerable.Range(0, 4).Where(k => k != Y[n]).Select(k => P[n, m, k]).ToArray();
            var norm = Math.Sqrt(v.Sum(x => x * x));
            columns[m] = v.Select(x => x / norm).ToArray();
        }
        var g = new double[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                g[i, j] = columns[i].Zip(columns[j], (a, b) => a * b).Sum() + (i == j ? epsilon : 0);
        var det = g[0, 0] * (g[1, 1] * g[2, 2] - g[1, 2] * g[2, 1])
                  - g[0, 1] * (g[1, 0] * g[2, 2] - g[1, 2] * g[2, 0])
                  + g[0, 2] * (g[1, 0] * g[2, 1] - g[1, 1] * g[2, 0]);
        return Math.Log(det);
    }
}
