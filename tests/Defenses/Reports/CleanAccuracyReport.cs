using System.Diagnostics;
using NUnit.Framework;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Defenses.DistributionClassifier;
using Robustness.Defenses.Tests.Conformance;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Reports;

/// <summary>
/// Measures, on the real datasets, clean accuracy (Reject = error), false-rejection rate, fit time and passes per query
/// of vanilla, The Odds are Odd, the distribution classifier (and its majority vote), BUZz-2 and BUZz-8.
/// Explicit: run by hand (ROBUSTNESS_REPORT_PROFILE = smoke | quick, ROBUSTNESS_REPORT_ARTEFACTS = a store folder,
/// ROBUSTNESS_REPORT_IDS = a comma-separated subset of the ids).
/// </summary>
[Explicit("Trains real backbones; run by hand to produce the numbers of the closing note.")]
[NonParallelizable]
public sealed class CleanAccuracyReport
{
    private static readonly string[] Ids = [DefenseIds.Vanilla, DefenseIds.OddsAreOdd, DefenseIds.DistributionClassifier, DefenseIds.Buzz2, DefenseIds.Buzz8];

    [TestCase(DatasetIds.FashionMnist)]
    [TestCase(DatasetIds.Cifar10)]
    public void Report_RealData_PrintsCleanAccuracyAndFalseRejections(string datasetId)
    {
        if (!DataDirectory.TryResolve(datasetId, null, out _)) Assert.Ignore($"{datasetId} is not installed (see datasets/README.md).");
        var profileName = Environment.GetEnvironmentVariable("ROBUSTNESS_REPORT_PROFILE") ?? ProfileNames.Smoke;
        var root = Environment.GetEnvironmentVariable("ROBUSTNESS_REPORT_ARTEFACTS") ?? Path.Combine(Path.GetTempPath(), "robustness-defenses3-report");
        var profile = ProfileCatalog.Default().Get(profileName, datasetId);
        var dataset = DatasetInfo.FromId(datasetId);
        using var train = DatasetLoader.Load(datasetId, DatasetSplit.Train, profile.TrainLimit);
        using var test = DatasetLoader.Load(datasetId, DatasetSplit.Test, profile.TestLimit);
        var context = new DefenseContext(dataset, train, profile, new NetworkTrainer(new ArtefactStore(root), CPU), new ModelZoo(), CPU, Seed: 0);
        TestContext.Out.WriteLine($"profile {profileName}, {datasetId}: train {train.Count}, test {test.Count}, backbone {profile.Backbone}, threads {get_num_threads()}");
        var ids = Environment.GetEnvironmentVariable("ROBUSTNESS_REPORT_IDS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Ids;
        foreach (var id in ids)
        {
            using var defense = RegisteredDefenses.Create(id);
            var watch = Stopwatch.StartNew();
            defense.Fit(context);
            var fitSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            using var answers = defense.Predict(test.Images);
            var predictSeconds = watch.Elapsed.TotalSeconds;
            var accuracy = answers.eq(test.Labels).to(float32).mean().item<float>();
            var rejected = answers.eq(Labels.Reject).to(float32).mean().item<float>();
            TestContext.Out.WriteLine($"{id,-24} clean {accuracy:P2}  rejected {rejected:P2}  fit {fitSeconds,7:F1} s  predict {predictSeconds,7:F1} s  passes/query {defense.Traits.ForwardPassesPerQuery}");
            if (defense is DistributionClassifierDefense distribution)
            {
                var (_, vote) = distribution.PredictBoth(test.Images);
                using (vote)
                    TestContext.Out.WriteLine($"{"  majority vote",-24} clean {vote.eq(test.Labels).to(float32).mean().item<float>():P2}");
            }
            Assert.That(answers.shape[0], Is.EqualTo(test.Count));
        }
    }
}
