using System.Diagnostics;
using NUnit.Framework;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Defenses.Adp;
using Robustness.Defenses.Ecoc;
using Robustness.Defenses.KWta;
using Robustness.Defenses.Vanilla;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Measurements;

/// <summary>
/// Clean accuracy of ADP, ECOC and k-WTA vs vanilla on the real datasets under a profile (ROBUSTNESS_PROFILE,
/// default smoke), with training time and passes per query. Explicit: it trains on real data (minutes).
/// Artefacts go to ROBUSTNESS_ARTEFACTS when set (so a rerun loads them), else to a temporary store.
/// </summary>
[Explicit("trains on the real datasets; run on demand")]
[Category("Measurement")]
public sealed class CleanAccuracyMeasurement
{
    [TestCase(DatasetIds.FashionMnist)]
    [TestCase(DatasetIds.Cifar10)]
    public void Fit_RealDataset_ReportsCleanAccuracyVsVanilla(string datasetId)
    {
        var profileName = Environment.GetEnvironmentVariable("ROBUSTNESS_PROFILE") ?? ProfileNames.Smoke;
        var profile = ProfileCatalog.Default().Get(profileName, datasetId);
        LabeledImages train, test;
        try
        {
            train = DatasetLoader.Load(datasetId, DatasetSplit.Train, profile.TrainLimit);
            test = DatasetLoader.Load(datasetId, DatasetSplit.Test, profile.TestLimit);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or InvalidOperationException)
        {
            Assert.Ignore($"{datasetId} is not available here: {e.Message}");
            return;
        }
        using var temp = new TempDirectory();
        var store = new ArtefactStore(Environment.GetEnvironmentVariable(ArtefactStore.EnvironmentVariable) ?? temp.Path);
        var context = new DefenseContext(DatasetInfo.FromId(datasetId), train, profile, new NetworkTrainer(store, CPU), new ModelZoo(), CPU, Seed: 0);
        IDefense[] defenses = [new VanillaDefense(), new AdpDefense(new AdpOptions()), new EcocDefense(new EcocOptions()), new KWtaDefense(new KWtaOptions())];
        var accuracies = new Dictionary<string, double>();
        foreach (var defense in defenses)
        {
            using (defense)
            {
                var watch = Stopwatch.StartNew();
                defense.Fit(context);
                var fitSeconds = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var accuracy = defense.Predict(test.Images).eq(test.Labels).to(float32).mean().item<float>();
                accuracies[defense.Id] = accuracy;
                TestContext.Out.WriteLine(
                    $"{profileName}/{datasetId} {defense.Id,-8} clean {accuracy:P1} on {test.Count}  fit {fitSeconds:F0}s  predict {watch.Elapsed.TotalSeconds:F1}s  passes/query {defense.Traits.ForwardPassesPerQuery}");
            }
        }
        train.Dispose();
        test.Dispose();
        Assert.That(accuracies.Values, Is.All.GreaterThan(0.1), "every defense must beat chance");
    }
}
