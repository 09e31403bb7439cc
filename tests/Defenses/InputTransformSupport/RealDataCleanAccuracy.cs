using System.Diagnostics;
using NUnit.Framework;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Defenses.Bart;
using Robustness.Defenses.ComDefend;
using Robustness.Defenses.FeatureDistillation;
using Robustness.Defenses.Vanilla;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.InputTransformSupport;

/// <summary>
/// Measurement, not a unit test: clean accuracy and fit time of vanilla, feature distillation, ComDefend and BaRT on
/// the real datasets under a profile. Run on demand:
/// dotnet test tests/Defenses --filter "FullyQualifiedName~RealDataCleanAccuracy" (set ROBUSTNESS_PROFILE=quick for quick;
/// ROBUSTNESS_ARTEFACTS to keep the trained networks).
/// </summary>
[Explicit("minutes of training on the real datasets")]
[Category("RealData")]
public sealed class RealDataCleanAccuracy
{
    [TestCase(DatasetIds.Cifar10)]
    [TestCase(DatasetIds.FashionMnist)]
    public void Measure(string datasetId)
    {
        if (!DataDirectory.TryResolve(datasetId, null, out _))
            Assert.Ignore($"{datasetId} is not installed (see DESIGN §6 for where it is looked for); nothing measured.");
        var profileName = Environment.GetEnvironmentVariable("ROBUSTNESS_PROFILE") ?? ProfileNames.Smoke;
        var profile = ProfileCatalog.Default().Get(profileName, datasetId);
        using var train = DatasetLoader.Load(datasetId, DatasetSplit.Train, profile.TrainLimit);
        using var test = DatasetLoader.Load(datasetId, DatasetSplit.Test, profile.TestLimit);
        var store = new ArtefactStore(Environment.GetEnvironmentVariable(ArtefactStore.EnvironmentVariable) ?? Path.Combine(Path.GetTempPath(), "robustness-defenses1-artefacts"));
        var context = new DefenseContext(DatasetInfo.FromId(datasetId), train, profile, new NetworkTrainer(store, CPU), new ModelZoo(), CPU, Seed: 0);
        IDefense[] defenses =
        [
            new VanillaDefense(), new FeatureDistillationDefense(new FeatureDistillationOptions()),
            new ComDefendDefense(new ComDefendOptions()), new BartDefense(new BartOptions()),
        ];
        foreach (var defense in defenses)
        {
            using (defense)
            {
                var watch = Stopwatch.StartNew();
                defense.Fit(context);
                var fitSeconds = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var accuracy = defense.Predict(test.Images).eq(test.Labels).to_type(ScalarType.Float64).mean().item<double>();
                TestContext.Out.WriteLine(
                    $"{profileName} {datasetId} {defense.Id}: clean accuracy {accuracy:P2} on {test.Count} test images; fit {fitSeconds:F0} s " +
                    $"(0 if cached); predict {watch.Elapsed.TotalSeconds:F1} s; passes/query {defense.Traits.ForwardPassesPerQuery}");
                if (defense is ComDefendDefense comDefend)
                {
                    var mse = (comDefend.Purify(test.Images) - test.Images).pow(2).mean().item<float>();
                    TestContext.Out.WriteLine($"{profileName} {datasetId} comdefend: reconstruction PSNR {10 * Math.Log10(1 / mse):F2} dB on clean test images");
                }
            }
        }
    }
}
