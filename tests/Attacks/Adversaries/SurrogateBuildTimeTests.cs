using Robustness.Attacks.Adversaries;
using Robustness.Core.Artefacts;
using Robustness.Core.Training;
using Robustness.Testing;
using Robustness.Testing.Adversaries;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class SurrogateBuildTimeTests
{
    private const string Options = """{ "surrogateArchitecture": "tiny-mlp", "pureBlackBoxEpochs": 2 }""";

    [Test]
    public void BuildSurrogate_SecondRunLoadsFromStore_ReportsNoNewTrainingButTheRecordedBuildTime()
    {
        using var artefacts = new TempDirectory();
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 64, seed: 5);
        var networks = new NetworkTrainer(new ArtefactStore(artefacts.Path), CPU);
        var context = AdversaryFixture.Context(train, new LoopNetworkTrainer(), Options) with { Networks = networks };

        using var first = new PureBlackBoxAdversary().BuildSurrogate(context, FakeDefense.Throwing(), new AdversaryBudget(1, 7));
        using var second = new PureBlackBoxAdversary().BuildSurrogate(context, FakeDefense.Throwing(), new AdversaryBudget(1, 7));

        Assert.Multiple(() =>
        {
            Assert.That(first.FromCache, Is.False);
            Assert.That(first.TrainingSeconds, Is.GreaterThan(0));
            Assert.That(first.BuildSeconds, Is.EqualTo(first.TrainingSeconds).Within(0.05));
            Assert.That(second.FromCache, Is.True);
            Assert.That(second.TrainingSeconds, Is.Zero);
            Assert.That(second.BuildSeconds, Is.GreaterThan(0).And.LessThanOrEqualTo(first.BuildSeconds));
            Assert.That(second.ArtefactHash, Is.EqualTo(first.ArtefactHash));
        });
    }
}
