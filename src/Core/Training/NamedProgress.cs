namespace Robustness.Core.Training;

/// <summary>Forwards training progress with its name prefixed ("vanilla/backbone slr-0.8-irregular: slr"), so a display can tell nested phases apart.</summary>
public sealed class NamedProgress(IProgress<TrainingProgress> inner, string prefix) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => inner.Report(value with { Name = $"{prefix}: {value.Name}" });
}
