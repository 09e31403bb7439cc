using NUnit.Framework;
using System.Text.Json.Nodes;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Defenses.BufferZones;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.Support;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.BufferZones;

public sealed class BufferZonesDefenseTests
{
    [Test]
    public void Decide_MembersDisagree_ReturnsReject()
    {
        using var votes = tensor(new long[,] { { 3, 1, 4 }, { 3, 2, 4 }, { 3, 1, 5 } });
        using var decision = UnanimousVote.Decide(votes);
        Assert.That(decision.data<long>().ToArray(), Is.EqualTo(new long[] { 3, Labels.Reject, Labels.Reject }));
    }

    [Test]
    public void Predict_MembersDisagree_ReturnsReject()
    {
        using var defense = FitWithConstantMembers(size => size % 10, [32, 40]);
        using var images = rand(5, 3, 32, 32);
        using var labels = defense.Predict(images);
        Assert.That(labels.data<long>().ToArray(), Is.All.EqualTo(Labels.Reject));
    }

    [Test]
    public void Predict_MembersAgree_ReturnsThatLabel()
    {
        using var defense = FitWithConstantMembers(_ => 7, [32, 40, 48]);
        using var images = rand(5, 3, 32, 32);
        using var labels = defense.Predict(images);
        Assert.That(labels.data<long>().ToArray(), Is.All.EqualTo(7L));
        Assert.That(labels.dtype, Is.EqualTo(int64));
    }

    [Test]
    public void Fit_Members_SeeTheirOwnInputSizes()
    {
        var (train, test) = DefenseFixture.Data(train: 64, test: 8);
        using var _ = train;
        using var __ = test;
        var trainer = new TinyNetworkTrainer();
        var sections = SizesSection(DefenseIds.Buzz2, [24, 40], epochs: 1);
        var context = DefenseFixture.Context(train, sections: sections, trainer: trainer);
        var configured = RegisteredDefenses.Create<Buzz2Defense>(DefenseIds.Buzz2, context);
        Assert.That(configured.Traits, Is.EqualTo(new DefenseTraits(false, true, false, 2)), "one pass per configured member, known before Fit");
        using var defense = configured.Fit(context);
        using var labels = defense.Predict(test.Images);

        var seen = defense.Members.Select(m => ((TinyCnn)m.Module).LastConvInputSize).ToArray();
        Assert.That(seen, Is.EqualTo(new long[] { 24, 40 }));
        Assert.That(trainer.Requests.Select(r => r.Seed).Distinct().Count(), Is.EqualTo(2), "members must be trained separately, with their own seeds");
        Assert.That(trainer.Requests.Select(r => r.Config!["inputSize"]), Is.EqualTo(new[] { "24", "40" }));
        Assert.That(defense.Traits, Is.EqualTo(new DefenseTraits(false, true, false, 2)));
    }

    [Test]
    public void Fit_RealZooMembers_FirstConvolutionSeesTheMemberSize()
    {
        using var artefacts = new TempDirectory();
        var (train, test) = DefenseFixture.Data(train: 64, test: 4, dataset: DatasetInfo.FashionMnist);
        using var _ = train;
        using var __ = test;
        var profile = ProfileCatalog.Default().Get(ProfileNames.Smoke, DatasetIds.FashionMnist) with { Sections = SizesSection(DefenseIds.Buzz2, [20, 36], epochs: 1) };
        var context = new DefenseContext(DatasetInfo.FashionMnist, train, profile, new NetworkTrainer(new ArtefactStore(artefacts.Path), CPU), new ModelZoo(), CPU, 5);
        using var defense = RegisteredDefenses.Create<Buzz2Defense>(DefenseIds.Buzz2, context).Fit(context);
        var seen = new List<long>();
        foreach (var member in defense.Members)
        {
            var firstConv = member.Module.modules().OfType<TorchSharp.Modules.Conv2d>().First();
            var hook = firstConv.register_forward_pre_hook((_, input) =>
            {
                seen.Add(input.shape[2]);
                return input;
            });
            using var logits = member.Logits(test.Images);
            hook.remove();
        }
        Assert.That(seen, Is.EqualTo(new long[] { 20, 36 }));
    }

    [Test]
    public void Predict_SmokeData_CleanAccuracyAboveChance()
    {
        var (train, test) = DefenseFixture.Data(train: 400, test: 200);
        using var _ = train;
        using var __ = test;
        var context = DefenseFixture.Context(train, sections: SizesSection(DefenseIds.Buzz2, [24, 32], epochs: 2));
        using var defense = RegisteredDefenses.Create<Buzz2Defense>(DefenseIds.Buzz2, context).Fit(context);
        using var predictions = defense.Predict(test.Images);
        var accuracy = DefenseFixture.Accuracy(predictions, test.Labels);
        TestContext.Out.WriteLine($"buzz-2 smoke: clean accuracy {accuracy:P1}, false rejections {DefenseFixture.RejectRate(predictions):P1}");
        Assert.That(accuracy, Is.GreaterThan(0.3));
    }

    [Test]
    public void Create_DuplicateSizes_ThrowsNamingTheField()
    {
        using var train = SyntheticData.Create(DatasetInfo.Cifar10, 8);
        var context = DefenseFixture.Context(train, sections: SizesSection(DefenseIds.Buzz8, [32, 32], 1));
        var error = Assert.Throws<InvalidDataException>(() => RegisteredDefenses.Create(DefenseIds.Buzz8, context.Profile));
        Assert.That(error!.Message, Does.Contain("defenses.buzz-8.inputSizes"));
    }

    [Test]
    public void Create_ProfileSizes_TraitsCountTheConfiguredMembersBeforeFit()
    {
        using var train = SyntheticData.Create(DatasetInfo.Cifar10, 8);
        var context = DefenseFixture.Context(train, sections: SizesSection(DefenseIds.Buzz8, [24, 32, 40], 1));
        var configured = RegisteredDefenses.Create(DefenseIds.Buzz8, context.Profile);
        Assert.That(configured.Traits.ForwardPassesPerQuery, Is.EqualTo(3), "BUZz-8 defaults to eight members; the profile asks for three");
    }

    private static FittedBufferZonesDefense FitWithConstantMembers(Func<int, long> labelOf, int[] sizes)
    {
        using var train = SyntheticData.Create(DatasetInfo.Cifar10, 8);
        var defense = new Buzz8Defense(new BufferZonesOptions { InputSizes = sizes });
        var profile = new DatasetProfile { Name = ProfileNames.Smoke, Dataset = DatasetIds.Cifar10, Backbone = "constant", BackboneRecipe = DefenseFixture.Recipe };
        return defense.Fit(new DefenseContext(DatasetInfo.Cifar10, train, profile, new NoTraining(), new ConstantZoo(labelOf), CPU, 0));
    }

    private static JsonObject SizesSection(string id, int[] sizes, int epochs) => new()
    {
        ["defenses"] = new JsonObject { [id] = new JsonObject { ["inputSizes"] = new JsonArray(sizes.Select(s => (JsonNode)s).ToArray()), ["memberEpochs"] = epochs } },
    };
}
