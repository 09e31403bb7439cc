using Robustness.Core.Training;
using Spectre.Console;

namespace Robustness.Cli.Commands.Progress;

/// <summary>The nested bar under the grid's bar on a terminal: the training running inside the current cell, with its ETA.</summary>
public sealed class WorkProgressBar(ProgressTask task) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        task.IsIndeterminate = false;
        task.MaxValue = Math.Max(1, value.ImagesTotal);
        task.Value = Math.Min(value.ImagesDone, task.MaxValue);
        task.Description = Markup.Escape("  " + WorkProgressText.Describe(value));
    }
}
