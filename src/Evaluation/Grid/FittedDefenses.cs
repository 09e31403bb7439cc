using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Shared work of a process: datasets loaded once, each defense fitted once per (profile, dataset, variant,
/// seed) and reused by all its cells. Trained networks are cached across processes by the network trainer.
/// A defense whose construction or Fit throws fails every cell that needs it, with the same error, without refitting.
/// </summary>
/// <param name="loader">Reads (dataset, split, limit); default <see cref="DatasetLoader"/> from the environment's data directory.</param>
public sealed class FittedDefenses(IServiceProvider services, EvaluationEnvironment environment, INetworkTrainerProvider trainers,
    Func<string, DatasetSplit, int?, LabeledImages>? loader = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LabeledImages>> data = new();
    private readonly ConcurrentDictionary<string, Lazy<FittedDefense>> defenses = new();

    public EvaluationEnvironment Environment => environment;

    /// <summary>The network trainer of a variant (the adversary's surrogate always uses "dense").</summary>
    public INetworkTrainer Trainer(string variantId, GridCell cell) => trainers.For(variantId, Profile(cell), environment);

    /// <summary>The model zoo, or one that explains it is missing.</summary>
    public IModelZoo Zoo => services.GetService<IModelZoo>() ?? new UnavailableModelZoo();

    public DatasetProfile Profile(GridCell cell) => environment.Profiles.Get(cell.Profile, cell.Dataset);

    /// <summary>The profile's training set (first trainLimit examples).</summary>
    public LabeledImages Train(GridCell cell) => Data(cell, DatasetSplit.Train, Profile(cell).TrainLimit);

    /// <summary>The profile's test set (first testLimit examples).</summary>
    public LabeledImages Test(GridCell cell) => Data(cell, DatasetSplit.Test, Profile(cell).TestLimit);

    private LabeledImages Data(GridCell cell, DatasetSplit split, int? limit) =>
        data.GetOrAdd($"{cell.Dataset}|{split}|{limit}", _ => new Lazy<LabeledImages>(() =>
            loader?.Invoke(cell.Dataset, split, limit) ?? DatasetLoader.Load(cell.Dataset, split, limit, environment.DataDirectory))).Value;

    /// <summary>
    /// The fitted defense of the cell, with the networks it trained (for the manifest) and its fit time. Only the
    /// current (profile, dataset, variant, seed) block is kept in memory: the planner runs blocks one after the
    /// other, so moving to the next block releases the previous block's defenses (their networks stay cached on disk).
    /// </summary>
    public FittedDefense Get(GridCell cell)
    {
        var blockKey = string.Join('|', cell.Profile, cell.Dataset, cell.Variant, cell.Seed);
        lock (defenses)
        {
            if (block != blockKey)
            {
                ReleaseDefenses();
                block = blockKey;
            }
        }
        return defenses.GetOrAdd(blockKey + "|" + cell.Defense, _ => new Lazy<FittedDefense>(() => Fit(cell))).Value;
    }

    private string? block;

    private void ReleaseDefenses()
    {
        foreach (var lazy in defenses.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                lazy.Value.Defense.Dispose();
            }
            catch (Exception)
            {
                // a plug-in whose Dispose throws must not hide the run's results
            }
        }
        defenses.Clear();
    }

    private FittedDefense Fit(GridCell cell)
    {
        var clock = Stopwatch.StartNew();
        var profile = Profile(cell);
        var trainer = new RecordingNetworkTrainer(trainers.For(cell.Variant, profile, environment));
        var factory = services.GetKeyedService<DefenseFactory>(cell.Defense) ?? throw new KeyNotFoundException(
            $"Defense '{cell.Defense}' is not registered (registered: {string.Join(", ", services.GetServices<PluginDescriptor>().Where(p => p.Kind == PluginKind.Defense).Select(p => p.Id).Order())}); load its plug-in with --plugin.");
        var fitted = factory.Create(profile).Fit(new DefenseContext(DatasetInfo.FromId(cell.Dataset), Train(cell), profile, trainer, Zoo, environment.Device, cell.Seed));
        return new FittedDefense(fitted, trainer, clock.Elapsed.TotalSeconds);
    }

    public void Dispose()
    {
        ReleaseDefenses();
        foreach (var lazy in data.Values.Where(l => l.IsValueCreated))
            lazy.Value.Dispose();
    }
}
