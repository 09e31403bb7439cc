using System.Runtime.InteropServices;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Reports;

/// <summary>A failed cell's report row holds one line; the full error with its trace goes to failures.log beside it.</summary>
public sealed class FailureReportTests
{
    private const string FirstLine = "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!";
    private const string NativeFrame = "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x9c (0x7f3c in libc10.so)";

    [Test]
    public void Write_CellFailedWithMultiLineNativeError_RowShowsTypeAndFirstLineAndLogHoldsTheTrace()
    {
        using var world = new FakeWorld(null, ShiftedDefense.DefenseId, ThrowingDefense.DefenseId);
        world.Run();
        var native = Thrown(new ExternalException($"{FirstLine}\nException raised from compute_types at TensorIterator.cpp:256\n{NativeFrame}\nframe #1: at::TensorIteratorBase::build(at::TensorIteratorConfig&) + 0x3a"));
        var outcomes = world.Store.Load("fake")
            .Select(o => o.Status == CellStatus.Failed ? CellOutcome.Failure(o.Cell, native, o.Manifest, o.Timings) : o).ToList();
        var failedIds = outcomes.Where(o => o.Status == CellStatus.Failed).Select(o => o.Cell.Id).ToList();
        var model = ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, outcomes, withFigures: false);
        var html = ReportWriter.Write(model, Path.Combine(world.Directory.Path, "reports"));
        var folder = Path.GetDirectoryName(html)!;
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        var json = File.ReadAllText(Path.Combine(folder, "report.json"));
        var log = Path.Combine(folder, FailureRow.LogFileName);
        Assert.Multiple(() =>
        {
            Assert.That(failedIds, Has.Count.EqualTo(2));
            Assert.That(model.Failures.Select(f => f.Error), Is.All.EqualTo($"{nameof(ExternalException)}: {FirstLine}"));
            Assert.That(markdown, Does.Contain($"{nameof(ExternalException)}: {FirstLine}"));
            foreach (var report in new[] { markdown, File.ReadAllText(html), json })
                Assert.That(report, Does.Not.Contain("frame #0").And.Not.Contain("compute_types"));
            Assert.That(File.Exists(log), Is.True, "failures.log beside the report");
            var text = File.ReadAllText(log);
            Assert.That(text, Does.Contain(NativeFrame).And.Contain(nameof(Thrown)), "native frames and the .NET stack trace");
            foreach (var id in failedIds) Assert.That(text, Does.Contain(id));
        });
    }

    [Test]
    public void Write_NoFailedCell_WritesNoFailureLog()
    {
        using var world = new FakeWorld(null, ShiftedDefense.DefenseId);
        world.Run();
        var model = ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, world.Store.Load("fake"), withFigures: false);
        var html = ReportWriter.Write(model, Path.Combine(world.Directory.Path, "reports"));
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(html)!, FailureRow.LogFileName)), Is.False);
    }

    [Test]
    public void Describe_ThrownException_KeepsTypeMessageAndStackTraceWhileTheSummaryIsTheFirstLine()
    {
        var error = CellOutcome.Describe(Thrown(new InvalidOperationException("first line\nsecond line")));
        var outcome = new CellOutcome(null!, CellStatus.Failed, new Dictionary<string, double>(), [], new Dictionary<string, double>(), null!, error);
        Assert.Multiple(() =>
        {
            Assert.That(error, Does.StartWith("InvalidOperationException: first line\nsecond line"));
            Assert.That(error, Does.Contain(nameof(Thrown)));
            Assert.That(outcome.ErrorSummary, Is.EqualTo("InvalidOperationException: first line"));
        });
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
