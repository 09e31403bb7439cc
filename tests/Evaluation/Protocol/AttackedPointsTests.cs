using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Evaluation.Protocol;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Protocol;

public sealed class AttackedPointsTests
{
    private static LabeledImages Test() => new(zeros(6, 1, 2, 2), tensor(new long[] { 0, 1, 2, 3, 4, 5 }));

    [Test]
    public void Select_OracleAdversary_FirstNTheDefenseGetsRightRejectIsNotRight()
    {
        using var test = Test();
        using var predictions = tensor(new long[] { 0, 9, Labels.Reject, 3, 4, 5 });
        using var indices = AttackedPoints.Select(test, 3, requireCorrect: true, predictions);
        Assert.That(indices.data<long>().ToArray(), Is.EqualTo(new long[] { 0, 3, 4 }));
    }

    [Test]
    public void Select_PureBlackBox_FirstNRegardlessOfDefense()
    {
        using var test = Test();
        using var indices = AttackedPoints.Select(test, 4, requireCorrect: false, null);
        Assert.That(indices.data<long>().ToArray(), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void CleanAccuracy_RejectCountsAsError()
    {
        using var predictions = tensor(new long[] { 0, 1, Labels.Reject, 3 });
        using var labels = tensor(new long[] { 0, 1, 2, 0 });
        Assert.That(AttackedPoints.CleanAccuracy(predictions, labels), Is.EqualTo(0.5));
    }
}
