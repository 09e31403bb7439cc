using Robustness.Core.Contracts;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Grid;

public sealed class ScoringTests
{
    private const long R = Labels.Reject;

    [Test]
    public void Score_Untargeted_RejectIsNotASuccess()
    {
        var examples = OutcomeScoring.Score([0, 1, 2, 3], [0, 1, 2, 3], [0, 5, R, 3], null);
        var metrics = OutcomeScoring.AttackMetrics(examples);
        Assert.Multiple(() =>
        {
            Assert.That(examples.Select(e => e.Success), Is.EqualTo(new[] { false, true, false, false }));
            Assert.That(metrics[MetricNames.DefenseAccuracy], Is.EqualTo(0.75).Within(1e-12));
            Assert.That(metrics[MetricNames.RejectRate], Is.EqualTo(0.25).Within(1e-12));
        });
    }

    [Test]
    public void Score_Targeted_OnlyTheTargetCounts()
    {
        var examples = OutcomeScoring.Score([0, 1, 2, 3], [0, 1, 2, 3], [1, 5, R, 4], [1, 2, 3, 4]);
        Assert.Multiple(() =>
        {
            Assert.That(examples.Select(e => e.Success), Is.EqualTo(new[] { true, false, false, true }));
            Assert.That(OutcomeScoring.AttackMetrics(examples)[MetricNames.DefenseAccuracy], Is.EqualTo(0.5).Within(1e-12));
        });
    }

    [Test]
    public void ScoreClean_RejectIsAnError()
    {
        var metrics = OutcomeScoring.CleanMetrics(OutcomeScoring.ScoreClean([0, 1, 2, 3], [0, 1, 2, 3], [0, R, 2, 9]));
        Assert.Multiple(() =>
        {
            Assert.That(metrics[MetricNames.CleanAccuracy], Is.EqualTo(0.5).Within(1e-12));
            Assert.That(metrics[MetricNames.FalseRejectionRate], Is.EqualTo(0.25).Within(1e-12));
        });
    }

    [Test]
    public void Run_FakeDefensesWithKnownAnswers_CleanNoiseAndDeltaAsExpected()
    {
        using var world = new FakeWorld();
        var summary = world.Run();
        var outcomes = world.Store.Load("fake");
        double Metric(string kind, string defense, string metric) =>
            outcomes.Single(o => o.Cell.Kind == kind && o.Cell.Defense == defense).Metrics[metric];

        var report = ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, outcomes, withFigures: false);
        var noise = report.Attacks.Where(a => a.Kind == CellKinds.Noise).ToDictionary(a => a.Defense);
        Assert.Multiple(() =>
        {
            Assert.That(summary.Failed, Is.Zero);
            Assert.That(Metric(CellKinds.Clean, DecodingDefense.DefenseId, MetricNames.CleanAccuracy), Is.EqualTo(1.0));
            Assert.That(Metric(CellKinds.Clean, ShiftedDefense.DefenseId, MetricNames.CleanAccuracy), Is.EqualTo(0.0));
            Assert.That(Metric(CellKinds.Clean, RejectingDefense.DefenseId, MetricNames.CleanAccuracy), Is.EqualTo(0.5));
            Assert.That(Metric(CellKinds.Clean, RejectingDefense.DefenseId, MetricNames.FalseRejectionRate), Is.EqualTo(0.5));
            Assert.That(Metric(CellKinds.Noise, DecodingDefense.DefenseId, MetricNames.DefenseAccuracy), Is.EqualTo(1.0), "noise inside the label's brightness bin");
            Assert.That(Metric(CellKinds.Noise, ShiftedDefense.DefenseId, MetricNames.DefenseAccuracy), Is.EqualTo(0.0));
            Assert.That(Metric(CellKinds.Noise, RejectingDefense.DefenseId, MetricNames.DefenseAccuracy), Is.EqualTo(1.0), "a Reject is not an attack success");
            Assert.That(Metric(CellKinds.Noise, RejectingDefense.DefenseId, MetricNames.RejectRate), Is.EqualTo(0.5));
            Assert.That(Metric(CellKinds.Noise, DecodingDefense.DefenseId, MetricNames.MeanLinf), Is.EqualTo(FakeWorld.NoiseEpsilon).Within(1e-6));
            Assert.That(noise[ShiftedDefense.DefenseId].Delta!.Mean, Is.EqualTo(-1.0).Within(1e-12));
            Assert.That(noise[RejectingDefense.DefenseId].Delta!.Mean, Is.EqualTo(0.0).Within(1e-12));
            Assert.That(noise[DecodingDefense.DefenseId].Delta, Is.Null, "the baseline has no δ");
            Assert.That(report.Clean.Single(c => c.Defense == ShiftedDefense.DefenseId).CostVsBaseline, Is.EqualTo(1.0).Within(1e-12));
        });
    }

    [Test]
    public void Bootstrap_SeveralSeeds_IntervalBracketsTheMean()
    {
        var estimate = Bootstrap.Estimate([0.2, 0.4, 0.6, 0.8]);
        Assert.Multiple(() =>
        {
            Assert.That(estimate.Mean, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(estimate.Low, Is.LessThan(0.5).And.GreaterThanOrEqualTo(0.2));
            Assert.That(estimate.High, Is.GreaterThan(0.5).And.LessThanOrEqualTo(0.8));
            Assert.That(Bootstrap.Estimate([0.3]), Is.EqualTo(new Estimate(0.3, 0.3, 0.3, 1)));
        });
    }
}
