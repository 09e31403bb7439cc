using NUnit.Framework;
using Robustness.Cli.Commands.Progress;
using Robustness.Core.Training;

namespace Robustness.Cli.Tests.Progress;

/// <summary>Plain progress lines for logs: the first report, then at most one line per 30 s of the injected clock.</summary>
public sealed class ThrottledProgressLinesTests
{
    [Test]
    public void Report_ManyReportsOverTime_PrintsTheFirstThenAtMostOneLinePer30Seconds()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var lines = new ThrottledProgressLines(output, clock);
        double[] seconds = [0, 1, 10, 29.999, 30, 31, 45, 59.9, 60.5, 61, 200];
        var batch = 0;
        foreach (var at in seconds)
        {
            clock.Now = TimeSpan.FromSeconds(at);
            lines.Report(Progress(++batch));
        }
        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Multiple(() =>
        {
            Assert.That(printed.Select(l => l[..l.IndexOf(" (", StringComparison.Ordinal)]), Is.EqualTo(new[]
            {
                "progress vanilla/backbone epoch 1/2 batch 1/10",  // t = 0
                "progress vanilla/backbone epoch 1/2 batch 5/10",  // t = 30
                "progress vanilla/backbone epoch 1/2 batch 9/10",  // t = 60.5
                "progress vanilla/backbone epoch 2/2 batch 1/10",  // t = 200
            }));
            Assert.That(printed[1], Does.Contain("loss 0.5000").And.Contain("img/s").And.Contain("ETA"));
        });
    }

    [Test]
    public void Describe_HalfwayAt100ImagesPerSecond_GivesPercentAndEta()
    {
        var text = WorkProgressText.Describe(new TrainingProgress("surrogate/surrogate-round-1", 1, 2, 500, 1000, 0.25, 100, 3, 8));
        Assert.That(text, Is.EqualTo("surrogate/surrogate-round-1 epoch 1/2 batch 3/8 (50.0 %) loss 0.2500 100 img/s ETA 0:00:05"));
    }

    private static TrainingProgress Progress(int report)
    {
        var epoch = (report - 1) / 10 + 1;
        var batch = (report - 1) % 10 + 1;
        return new TrainingProgress("vanilla/backbone", epoch, 2, report * 100L, 2000, 0.5, 100, batch, 10);
    }

    /// <summary>A clock the test moves by hand: no sleeping, no real time.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public TimeSpan Now { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Now.Ticks;
    }
}
