namespace Robustness.Defenses.KWta;

/// <summary>
/// Sets γ on every k-WTA layer of one network: the incremental schedule lowers it linearly from the start value
/// to the target over the first part of training, counted in training images; <see cref="Finish"/> pins the target.
/// A run resumed from a checkpoint restarts the count (γ then re-descends over the remaining epochs).
/// </summary>
public sealed class KWtaSparsitySchedule(KWtaOptions options, long trainingImages)
{
    private readonly List<KWtaActivation> layers = [];
    private long seen;

    public IReadOnlyList<KWtaActivation> Layers => layers;

    public double Current => !options.IncrementalSchedule ? options.Sparsity
        : options.StartSparsity + (options.Sparsity - options.StartSparsity) * Math.Min(1.0, seen / Math.Max(1.0, options.ScheduleFraction * trainingImages));

    /// <summary>The activation factory handed to the zoo (<see cref="Core.Models.ModelSpec.Activation"/>).</summary>
    public KWtaActivation NewLayer()
    {
        var layer = new KWtaActivation(Current);
        layers.Add(layer);
        return layer;
    }

    /// <summary>Counts a training batch and moves every layer to the γ of the next one.</summary>
    public void Advance(long batchImages)
    {
        seen += batchImages;
        Apply(Current);
    }

    public void Finish() => Apply(options.Sparsity);

    private void Apply(double gamma)
    {
        foreach (var layer in layers) layer.Sparsity = gamma;
    }
}
