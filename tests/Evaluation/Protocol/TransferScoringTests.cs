using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Evaluation.Protocol;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Protocol;

public sealed class TransferScoringTests
{
    [Test]
    public void Success_Untargeted_WrongLabelCountsRejectAndTrueLabelDoNot()
    {
        using var predictions = tensor(new long[] { 3, 4, Labels.Reject, 0 });
        using var truth = tensor(new long[] { 3, 3, 3, 3 });
        using var success = TransferScoring.Success(predictions, truth, null);
        Assert.That(success.data<bool>().ToArray(), Is.EqualTo(new[] { false, true, false, true }));
    }

    [Test]
    public void Success_Targeted_OnlyTheTargetCounts()
    {
        using var predictions = tensor(new long[] { 5, 4, Labels.Reject, 3 });
        using var truth = tensor(new long[] { 3, 3, 3, 3 });
        using var targets = tensor(new long[] { 5, 5, 5, 5 });
        using var success = TransferScoring.Success(predictions, truth, targets);
        Assert.That(success.data<bool>().ToArray(), Is.EqualTo(new[] { true, false, false, false }));
    }

    [Test]
    public void DefenseAccuracy_OneOfFourSucceeds_IsThreeQuarters() =>
        Assert.That(TransferScoring.DefenseAccuracy([false, true, false, false]), Is.EqualTo(0.75));

    [Test]
    public void Delta_SameCellButDefense_IsDefendedMinusVanilla()
    {
        var vanilla = ProtocolFixture.Result(ProtocolFixture.Cell("vanilla"), 0.25);
        var defended = ProtocolFixture.Result(ProtocolFixture.Cell("bart"), 0.75);
        Assert.That(TransferScoring.Delta(defended, vanilla), Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Delta_CellsDifferInAttack_Throws()
    {
        var vanilla = ProtocolFixture.Result(ProtocolFixture.Cell("vanilla"), 0.25);
        var defended = ProtocolFixture.Result(ProtocolFixture.Cell("bart") with { Attack = "pgd" }, 0.75);
        Assert.Throws<ArgumentException>(() => TransferScoring.Delta(defended, vanilla));
    }
}
