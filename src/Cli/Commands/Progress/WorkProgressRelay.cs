using Robustness.Core.Training;

namespace Robustness.Cli.Commands.Progress;

/// <summary>
/// The sink handed to the library before the display exists (the live bar is created inside Spectre's progress
/// context, after the session opened): forwards to <see cref="Target"/> when one is set, else drops the report.
/// </summary>
public sealed class WorkProgressRelay : IProgress<TrainingProgress>
{
    public IProgress<TrainingProgress>? Target { get; set; }

    public void Report(TrainingProgress value) => Target?.Report(value);
}
