using System.Diagnostics;
using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Adversaries;

/// <summary>
/// One surrogate module trained round after round through the context's <see cref="INetworkTrainer"/>: each round
/// is its own artefact (keyed by the adversary's config and the round), trained from the module's current weights,
/// so a rerun loads every round from the store.
/// </summary>
internal sealed class SurrogateNetwork
{
    private readonly AdversaryContext context;
    private readonly Dictionary<string, string> config;

    public SurrogateNetwork(AdversaryContext context, AdversaryOptions options, long seed, IReadOnlyDictionary<string, string> config)
    {
        this.context = context;
        this.config = new Dictionary<string, string>(config);
        Seed = seed;
        Options = options;
        manual_seed(seed);
        var module = context.Zoo.Create(options.SurrogateArchitecture, new ModelSpec(context.Dataset));
        module.to(context.Device);
        Classifier = new ModuleClassifier(module, context.Dataset.NumClasses, context.Device);
    }

    public ModuleClassifier Classifier { get; }
    public AdversaryOptions Options { get; }
    public long Seed { get; }
    public string ArtefactHash { get; private set; } = "";
    public double Seconds { get; private set; }
    public bool AllFromCache { get; private set; } = true;

    /// <summary>Training wall time of every round as recorded when it was built, cached rounds included.</summary>
    public double BuildSeconds { get; private set; }

    public void TrainRound(string owner, int round, int epochs, LabeledImages data)
    {
        var roundConfig = new Dictionary<string, string>(config)
        {
            ["round"] = round.ToString(CultureInfo.InvariantCulture),
            ["set-size"] = data.Count.ToString(CultureInfo.InvariantCulture),
            ["previous"] = ArtefactHash,
        };
        var request = new NetworkRequest(owner, $"surrogate-round-{round}", Options.SurrogateArchitecture, Options.Recipe(epochs), Seed, roundConfig);
        var clock = Stopwatch.StartNew();
        Classifier.Module.train();
        var report = context.Networks.TrainOrLoad(request, Classifier.Module, data);
        Classifier.Module.eval();
        clock.Stop();
        ArtefactHash = report.ArtefactHash;
        AllFromCache &= report.FromCache;
        if (!report.FromCache) Seconds += clock.Elapsed.TotalSeconds;
        BuildSeconds += report.FromCache ? report.RecordedSeconds : clock.Elapsed.TotalSeconds;
    }

    public static Dictionary<string, string> BaseConfig(AdversaryContext context, AdversaryOptions options, AdversaryBudget budget, string adversaryId) => new()
    {
        ["adversary"] = adversaryId,
        ["dataset"] = context.Dataset.Id,
        ["profile"] = context.Profile.Name,
        ["q"] = budget.Q.ToString("R", CultureInfo.InvariantCulture),
        ["train-count"] = context.Train.Count.ToString(CultureInfo.InvariantCulture),
        ["surrogate"] = options.SurrogateArchitecture,
    };
}
