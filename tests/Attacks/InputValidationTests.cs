using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

public sealed class InputValidationTests
{
    private static AttackResult Run(Tensor images, Tensor labels, AttackGoal goal, string id = AttackIds.Pgd) =>
        TestAttacks.Create(id).Run(TrainedCnn.Model, images, labels, goal, new Generator(1));

    [Test]
    public void Run_ImagesOutsideUnitRange_ThrowsNamingTheRange()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Run(ones(2, 3, 16, 16) * 1.5f, zeros(2, dtype: int64), AttackGoal.Untargeted(0.1)));
        Assert.That(e!.Message, Does.Contain("[0,1]").And.Contain("pgd"));
    }

    [Test]
    public void Run_LabelOutOfRange_ThrowsNamingLabels()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Run(rand(2, 3, 16, 16), tensor(new long[] { 0, 10 }), AttackGoal.Untargeted(0.1)));
        Assert.That(e!.Message, Does.Contain("labels").And.Contain("10"));
    }

    [Test]
    public void Run_TargetedWithoutTargets_Throws()
    {
        using var scope = NewDisposeScope();
        var goal = new AttackGoal(true, NormKind.Linf, 0.1);
        var e = Assert.Throws<ArgumentException>(() => Run(rand(2, 3, 16, 16), zeros(2, dtype: int64), goal));
        Assert.That(e!.Message, Does.Contain("Targets"));
    }

    [TestCase(0.0)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void Run_BoundedAttackWithoutPositiveEpsilon_ThrowsNamingEpsilon(double epsilon)
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => Run(rand(2, 3, 16, 16), zeros(2, dtype: int64), AttackGoal.Untargeted(epsilon)));
        Assert.That(e!.Message, Does.Contain("Epsilon"));
    }

    [Test]
    public void Run_UnboundedAttackWithZeroEpsilon_Accepted()
    {
        using var scope = NewDisposeScope();
        using var result = Run(rand(2, 3, 16, 16), zeros(2, dtype: int64), AttackGoal.Untargeted(0), AttackIds.CarliniWagnerL2);
        Assert.That(result.Adversarial.shape, Is.EqualTo(new long[] { 2, 3, 16, 16 }));
    }

    [Test]
    public void Options_NonPositiveSteps_ThrowsNamingSteps()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Pgd(new PgdOptions { Steps = 0 }));
        Assert.That(e!.Message, Does.Contain("steps"));
    }
}
