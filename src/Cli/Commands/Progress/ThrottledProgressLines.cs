using Robustness.Core.Training;

namespace Robustness.Cli.Commands.Progress;

/// <summary>
/// Training progress as plain lines for output that is not a terminal (logs, CI, scale-out): the first report, then at
/// most one line per <see cref="Interval"/> (default 30 s), so a long training shows it is alive without flooding the log.
/// Time comes from a <see cref="TimeProvider"/> (tests pass their own clock).
/// </summary>
public sealed class ThrottledProgressLines(TextWriter output, TimeProvider? clock = null, TimeSpan? interval = null) : IProgress<TrainingProgress>
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private long? lastLine;

    public TimeSpan Interval { get; } = interval ?? DefaultInterval;

    public void Report(TrainingProgress value)
    {
        var now = clock.GetTimestamp();
        if (lastLine is { } last && clock.GetElapsedTime(last, now) < Interval) return;
        lastLine = now;
        output.WriteLine($"progress {WorkProgressText.Describe(value)}");
    }
}
