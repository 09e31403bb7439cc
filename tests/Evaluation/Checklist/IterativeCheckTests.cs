using NUnit.Framework;
using Robustness.Evaluation.Checklist;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;

namespace Robustness.Evaluation.Tests.Checklist;

public sealed class IterativeCheckTests
{
    [Test]
    public void Evaluate_IterativeWeakerAtSameEpsilon_Fails()
    {
        var verdict = Iterative(Row("fgsm", 0.1, surrogateSuccess: 0.8), Row("pgd", 0.1, surrogateSuccess: 0.5));
        Assert.That(verdict.Verdict, Is.EqualTo(Verdict.Fail));
    }

    [Test]
    public void Evaluate_IterativeStrongerAtSameEpsilon_Passes()
    {
        var verdict = Iterative(Row("fgsm", 0.1, surrogateSuccess: 0.6), Row("pgd", 0.1, surrogateSuccess: 0.9));
        Assert.That(verdict.Verdict, Is.EqualTo(Verdict.Pass));
    }

    [Test]
    public void Evaluate_FgsmHasLargerEpsilonThanIterative_NotRunInsteadOfFail()
    {
        var verdict = Iterative(Row("fgsm", 0.15, surrogateSuccess: 0.8), Row("pgd", 0.1, surrogateSuccess: 0.5));
        Assert.That(verdict.Verdict, Is.EqualTo(Verdict.NotRun));
        Assert.That(verdict.Detail, Does.Contain("0.15"));
    }

    private static CheckVerdict Iterative(params AttackRow[] rows) =>
        EvaluationChecklist.Evaluate(rows, "vanilla", new ChecklistOptions()).Single(v => v.Check == EvaluationChecklist.IterativeBeatsSingleStep);

    private static AttackRow Row(string attack, double epsilon, double surrogateSuccess) =>
        new("fashion-mnist", "dense", "vanilla", CellKinds.Transfer, "pure-blackbox", 0.01, attack, "untargeted",
            1, 1, new Estimate(0.5, 0.5, 0.5, 1), surrogateSuccess, null, 0, epsilon, 200);
}
