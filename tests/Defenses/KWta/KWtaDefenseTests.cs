using System.Text.Json.Nodes;
using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Defenses.KWta;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.Support;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.KWta;

public sealed class KWtaDefenseTests
{
    [Test]
    public void Fit_SyntheticData_AccuracyAboveChanceAndEveryLayerKeepsExactlyK()
    {
        var dataset = TestContexts.SmallCifar;
        using var train = SyntheticData.Create(dataset, 640, seed: 6);
        using var test = SyntheticData.CreateHeldOut(dataset, 200, seed: 6);
        using var trainer = new RecordingNetworkTrainer();
        var context = TestContexts.Create(train, trainer, dataset, recipe: TestContexts.FastRecipe with { Epochs = 4 });
        using var defense = RegisteredDefenses.Create<KWtaDefense>(DefenseIds.KWta, context).Fit(context);

        var accuracy = TestContexts.Accuracy(defense.Predict(test.Images), test.Labels);
        Assert.That(accuracy, Is.GreaterThan(0.5), "chance is 0.1");
        Assert.That(defense.Layers, Has.Count.EqualTo(3), "small-cnn has three activations, all replaced");
        Assert.That(defense.Layers.Select(l => l.Sparsity), Is.All.EqualTo(0.1), "schedule ends at the target γ");

        var kept = new List<long[]>();
        var handles = defense.Layers.Select(layer => layer.register_forward_hook((_, _, output) =>
        {
            kept.Add(output.flatten(1).ne(0).sum(1).data<long>().ToArray());
            return output;
        })).ToList();
        using (no_grad()) defense.AsClassifier()!.Logits(test.Images.narrow(0, 0, 8));
        foreach (var h in handles) h.remove();
        long[] sizes = [16 * 8 * 8, 32 * 4 * 4, 64];
        Assert.That(kept, Has.Count.EqualTo(3));
        for (var i = 0; i < 3; i++)
            Assert.That(kept[i], Is.All.EqualTo(KWtaActivation.KeepCount(sizes[i], 0.1)), $"layer {i} (d = {sizes[i]})");
    }

    [Test]
    public void Backward_KWtaNetwork_GradientsReachInputAndEveryParameter()
    {
        var schedule = new KWtaSparsitySchedule(new KWtaOptions { IncrementalSchedule = false }, 1);
        torch.manual_seed(3);
        var net = new ModelZoo().Create(ModelIds.SmallCnn, new ModelSpec(TestContexts.SmallCifar, Activation: schedule.NewLayer));
        var x = rand(new long[] { 4, 3, 8, 8 }, generator: new Generator(4)).requires_grad_(true);
        nn.functional.cross_entropy(net.call(x), tensor(new long[] { 0, 1, 2, 3 })).backward();
        Assert.That(x.grad!.abs().sum().item<float>(), Is.GreaterThan(0f));
        foreach (var (name, p) in net.named_parameters())
            Assert.That(p.grad!.abs().sum().item<float>(), Is.GreaterThan(0f), name);
    }

    [Test]
    public void Schedule_Incremental_DescendsLinearlyToTargetThenStays()
    {
        var options = new KWtaOptions { Sparsity = 0.1, StartSparsity = 0.2, ScheduleFraction = 0.5 };
        var schedule = new KWtaSparsitySchedule(options, trainingImages: 1000);
        var layer = schedule.NewLayer();
        Assert.That(layer.Sparsity, Is.EqualTo(0.2).Within(1e-12));
        schedule.Advance(250);
        Assert.That(layer.Sparsity, Is.EqualTo(0.15).Within(1e-12));
        schedule.Advance(250);
        Assert.That(layer.Sparsity, Is.EqualTo(0.1).Within(1e-12));
        schedule.Advance(500);
        Assert.That(layer.Sparsity, Is.EqualTo(0.1).Within(1e-12));
    }

    [Test]
    public void Fit_ProfileSection_OverridesSparsityAndKeysTheArtefact()
    {
        using var train = SyntheticData.Create(TestContexts.SmallCifar, 64, seed: 7);
        using var trainer = new RecordingNetworkTrainer();
        var sections = JsonNode.Parse("""{ "defenses": { "k-wta": { "sparsity": 0.2, "incrementalSchedule": false } } }""")!.AsObject();
        var context = TestContexts.Create(train, trainer, TestContexts.SmallCifar, sections, recipe: TestContexts.FastRecipe with { Epochs = 1 });
        var configured = RegisteredDefenses.Create<KWtaDefense>(DefenseIds.KWta, context);
        Assert.That(configured.Options.Sparsity, Is.EqualTo(0.2), "the profile's section is bound when the defense is configured, before Fit");
        using var defense = configured.Fit(context);
        Assert.That(defense.Layers.Select(l => l.Sparsity), Is.All.EqualTo(0.2));
        var request = trainer.Requests.Single();
        Assert.That(request.Owner, Is.EqualTo(DefenseIds.KWta));
        Assert.That(request.Config!["sparsity"], Is.EqualTo("0.2"));
        Assert.That(request.Config!["schedule"], Is.EqualTo("none"));
    }

    [Test]
    public void Create_InvalidSparsityInProfile_ThrowsNamingTheFieldBeforeAnyTraining()
    {
        var sections = JsonNode.Parse("""{ "defenses": { "k-wta": { "sparsity": 1.5 } } }""")!.AsObject();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RegisteredDefenses.Create(DefenseIds.KWta, TestContexts.Profile(TestContexts.SmallCifar, sections)));
        Assert.That(error!.Message, Does.Contain("defenses.k-wta.sparsity"));
    }
}
