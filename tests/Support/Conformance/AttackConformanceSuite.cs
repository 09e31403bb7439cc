using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Testing.Conformance;

/// <summary>
/// What the harness relies on, checked for one white-box attack against a linear classifier trained on a separable
/// smoke problem: adversarial images of the input's shape in [0,1], inside the ε-ball where the attack is bounded,
/// identical for the same seed, the model left untouched, success reported as the model's own verdict, and accuracy
/// actually lowered. Derive a [TestFixture] and return the attack from <see cref="CreateAttack"/>.
/// </summary>
[NonParallelizable]
public abstract class AttackConformanceSuite
{
    private const int Examples = 64;
    private LabeledImages data = null!;
    private nn.Module<Tensor, Tensor> network = null!;
    private ModuleClassifier model = null!;

    /// <summary>The attack under test (resolve it through its registration module).</summary>
    protected abstract IAttack CreateAttack();

    /// <summary>The L∞ budget of the untargeted goal every test attacks with.</summary>
    protected virtual double Epsilon => 0.1;

    /// <summary>False for unbounded attacks (C&amp;W, EAD): the ε-ball check is skipped.</summary>
    protected virtual bool Bounded => true;

    /// <summary>The id the attack must report; null skips the check.</summary>
    protected virtual string? ExpectedId => null;

    [OneTimeSetUp]
    public void TrainLinearModel()
    {
        var dataset = DatasetInfo.FashionMnist;
        data = LowContrast(SyntheticData.Create(dataset, Examples, seed: 5));
        using var train = LowContrast(SyntheticData.Create(dataset, 400, seed: 5));
        torch.manual_seed(5);
        network = nn.Sequential(nn.Flatten(), nn.Linear(dataset.Channels * dataset.Height * dataset.Width, dataset.NumClasses));
        using (var optimizer = optim.Adam(network.parameters(), 0.01))
        {
            for (var step = 0; step < 30; step++)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(network.call(train.Images), train.Labels).backward();
                optimizer.step();
            }
        }
        network.zero_grad();
        foreach (var p in network.parameters()) p.grad = null;
        network.eval();
        model = new ModuleClassifier(network, dataset.NumClasses, CPU);
    }

    [OneTimeTearDown]
    public void Release()
    {
        data?.Dispose();
        network?.Dispose();
    }

    [Test]
    public void Id_KebabCase()
    {
        var id = CreateAttack().Id;
        if (ExpectedId is not null) Assert.That(id, Is.EqualTo(ExpectedId));
        Assert.That(PluginIds.IsValid(id), Is.True, $"id '{id}' is not kebab-case");
    }

    [Test]
    public void Run_SmokeImages_AdversarialOfInputShapeInUnitRange()
    {
        using var result = Attack(seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Adversarial.shape, Is.EqualTo(data.Images.shape));
            Assert.That(result.Adversarial.dtype, Is.EqualTo(ScalarType.Float32));
            Assert.That(result.Adversarial.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
            Assert.That(result.Adversarial.max().item<float>(), Is.LessThanOrEqualTo(1f));
            Assert.That(result.Success.shape, Is.EqualTo(new long[] { Examples }));
        });
    }

    [Test]
    public void Run_Bounded_StaysInsideTheEpsilonBall()
    {
        if (!Bounded) Assert.Ignore("unbounded attack");
        using var result = Attack(seed: 1);
        using var distance = (result.Adversarial - data.Images).abs().max();
        Assert.That(distance.item<float>(), Is.LessThanOrEqualTo(Epsilon + 1e-5));
    }

    [Test]
    public void Run_SameSeed_IdenticalAdversarialImages()
    {
        using var first = Attack(seed: 42);
        using var second = Attack(seed: 42);
        Assert.That(first.Adversarial.equal(second.Adversarial).all().item<bool>(), Is.True);
    }

    [Test]
    public void Run_Any_ModelParametersReceiveNoGradientAndStayUnchanged()
    {
        var before = network.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());
        using var result = Attack(seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(network.training, Is.False, "the attack must never switch the model to train mode");
            foreach (var p in network.parameters()) Assert.That(p.grad, Is.Null, "a parameter received a gradient");
            foreach (var (name, value) in network.state_dict()) Assert.That(value.equal(before[name]).all().item<bool>(), Is.True, name);
        });
        foreach (var tensor in before.Values) tensor.Dispose();
    }

    [Test]
    public void Run_Untargeted_SuccessIsTheModelsOwnVerdictOnTheAdversarial()
    {
        using var result = Attack(seed: 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var misclassified = model.Logits(result.Adversarial).argmax(1).ne(data.Labels);
        Assert.That(result.Success.to(ScalarType.Bool).equal(misclassified).all().item<bool>(), Is.True);
    }

    [Test]
    public void Run_Untargeted_LowersTheTrainedModelsAccuracy()
    {
        using var result = Attack(seed: 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var clean = model.Logits(data.Images).argmax(1).eq(data.Labels).to(float32).mean().item<float>();
        var adversarial = model.Logits(result.Adversarial).argmax(1).eq(data.Labels).to(float32).mean().item<float>();
        TestContext.Out.WriteLine($"clean {clean:P1} → adversarial {adversarial:P1} at ε = {Epsilon}");
        Assert.That(clean, Is.GreaterThan(0.8f), "the smoke model did not learn the problem");
        Assert.That(adversarial, Is.LessThan(clean - 0.2f));
    }

    /// <summary>
    /// The smoke templates squeezed into [0.4, 0.6]: still separable, but with class margins an ε of 0.1 can cross
    /// (at full contrast a linear model needs ε ≈ 0.25).
    /// </summary>
    private static LabeledImages LowContrast(LabeledImages images)
    {
        using (images)
            return new LabeledImages(images.Images * 0.2 + 0.4, images.Labels.clone());
    }

    private AttackResult Attack(int seed) =>
        CreateAttack().Run(model, data.Images, data.Labels, AttackGoal.Untargeted(Epsilon), new Generator((ulong)seed));
}
