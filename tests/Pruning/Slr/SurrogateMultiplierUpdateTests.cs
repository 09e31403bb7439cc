using Robustness.Pruning.Masks;
using Robustness.Pruning.Projections;
using Robustness.Pruning.Slr;
using Robustness.Pruning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Slr;

/// <summary>
/// Hand-computed case: one layer W = [3, 4], irregular ratio 0.5 → Z₀ = [0, 4], ‖W₀ − Z₀‖ = 3, s₀ = 0.01, M = 300, r = 0.1.
/// </summary>
public sealed class SurrogateMultiplierUpdateTests
{
    private static readonly SlrOptions Options = new(Rho: 0.1, InitialStepSize: 0.01, M: 300, R: 0.1);

    private static (nn.Module<Tensor, Tensor> Layer, SplitVariables Split) TinySplit()
    {
        var linear = nn.Linear(2, 1, hasBias: false);
        using (no_grad()) linear.weight!.copy_(tensor(new[] { 3f, 4f }).reshape(1, 2));
        var layers = new[] { new PrunableLayer("w", linear.weight!, 0.5) };
        return (linear, new SplitVariables(layers, new IrregularProjection()));
    }

    private static void SetWeight(SplitVariables split, float a, float b)
    {
        using var noGrad = no_grad();
        split.Layers[0].Weight.copy_(tensor(new[] { a, b }).reshape(1, 2));
    }

    private static float[] Lambda(SplitVariables split) => split.Lambda("w").data<float>().ToArray();

    [Test]
    public void Alpha_FirstAndThirdIteration_MatchFormula()
    {
        Assert.That(SurrogateMultiplierUpdate.Alpha(1, 300, 0.1), Is.EqualTo(1 - 1.0 / 300).Within(1e-12));
        // 3^0.1 = 1.116123; 1 − 1/1.116123 = 0.104042; 3^0.104042 = 1.121180; α = 1 − 1/(300 · 1.121180)
        Assert.That(SurrogateMultiplierUpdate.Alpha(3, 300, 0.1), Is.EqualTo(0.997026703).Within(1e-8));
    }

    [Test]
    public void Apply_ConditionHeld_UpdatesStepSizeAndMultipliersByRule()
    {
        var (layer, split) = TinySplit();
        using var _ = layer;
        using var __ = split;
        Assert.That(split.Z("w").data<float>().ToArray(), Is.EqualTo(new[] { 0f, 4f }));
        var rule = new SurrogateMultiplierUpdate(Options, split.ResidualNorm());
        Assert.That(rule.PreviousResidualNorm, Is.EqualTo(3).Within(1e-6));

        SetWeight(split, 4, 5); // W − Z = [4, 1], ‖·‖ = √17
        var update = rule.Apply(conditionHeld: true, split);

        // s₁ = (1 − 1/300) · 0.01 · 3/√17 = 0.0072518152
        Assert.That(update.Fired, Is.True);
        Assert.That(update.K, Is.EqualTo(1));
        Assert.That(update.Alpha, Is.EqualTo(0.99666666667).Within(1e-9));
        Assert.That(rule.StepSize, Is.EqualTo(0.0072518152).Within(1e-8));
        Assert.That(rule.K, Is.EqualTo(2));
        Assert.That(Lambda(split), Is.EqualTo(new[] { 0.0290072608f, 0.0072518152f }).Within(1e-7));
    }

    [Test]
    public void Apply_FirstUpdateWithConditionFailed_FiresAnyway()
    {
        var (layer, split) = TinySplit();
        using var _ = layer;
        using var __ = split;
        var rule = new SurrogateMultiplierUpdate(Options, split.ResidualNorm());
        SetWeight(split, 4, 5);
        var update = rule.Apply(conditionHeld: false, split);

        // The authors' code updates at k = 1 whatever the condition says (admm.py: "satisfied == 1 or ADMM.k == 1").
        Assert.That(update.ConditionHeld, Is.False);
        Assert.That(update.Fired, Is.True);
        Assert.That(rule.StepSize, Is.EqualTo(0.0072518152).Within(1e-8));
        Assert.That(Lambda(split), Is.EqualTo(new[] { 0.0290072608f, 0.0072518152f }).Within(1e-7));
    }

    [Test]
    public void Apply_ConditionFailedAfterFirstUpdate_ChangesNothing()
    {
        var (layer, split) = TinySplit();
        using var _ = layer;
        using var __ = split;
        var rule = new SurrogateMultiplierUpdate(Options, split.ResidualNorm());
        SetWeight(split, 4, 5);
        rule.Apply(conditionHeld: true, split);
        SetWeight(split, 9, 9);
        var update = rule.Apply(conditionHeld: false, split);

        Assert.That(update.Fired, Is.False);
        Assert.That(rule.K, Is.EqualTo(2), "a failed condition does not advance k");
        Assert.That(rule.StepSize, Is.EqualTo(0.0072518152).Within(1e-8));
        Assert.That(rule.PreviousResidualNorm, Is.EqualTo(Math.Sqrt(17)).Within(1e-6));
        Assert.That(Lambda(split), Is.EqualTo(new[] { 0.0290072608f, 0.0072518152f }).Within(1e-7));
    }

    [Test]
    public void Apply_HeldFailedHeld_StepIndexCountsFiredUpdatesNotAttempts()
    {
        var (layer, split) = TinySplit();
        using var _ = layer;
        using var __ = split;
        var rule = new SurrogateMultiplierUpdate(Options, split.ResidualNorm());
        SetWeight(split, 4, 5);
        rule.Apply(true, split);
        SetWeight(split, 9, 9);
        rule.Apply(false, split);
        SetWeight(split, 1, 4); // W − Z = [1, 0], ‖·‖ = 1
        var third = rule.Apply(true, split);

        // Second fired update: k = 2 (not 3, the attempt count). 2^0.1 = 1.0717735; 1 − 1/1.0717735 = 0.0669670;
        // 2^0.0669670 = 1.0475122; α₂ = 1 − 1/(300 · 1.0475122) = 0.9968178572.
        // s₂ = α₂ · s₁ · √17 / 1 = 0.9968178572 · 0.0072518152 · 4.1231056 = 0.0298048539 (α₃ would give 0.0298110984).
        Assert.That(third.K, Is.EqualTo(2));
        Assert.That(third.Alpha, Is.EqualTo(0.9968178572).Within(1e-9));
        Assert.That(rule.StepSize, Is.EqualTo(0.0298048539).Within(1e-9));
        Assert.That(rule.K, Is.EqualTo(3));
        Assert.That(rule.PreviousResidualNorm, Is.EqualTo(1).Within(1e-6));
        Assert.That(Lambda(split), Is.EqualTo(new[] { 0.0588121147f, 0.0072518152f }).Within(1e-7));
    }

    [Test]
    public void ConstraintTermsAndPenalty_TinyCase_MatchHandComputation()
    {
        var (layer, split) = TinySplit();
        using var _ = layer;
        using var __ = split;
        split.StepMultipliers(1.0 / 3); // Λ = (W − Z)/3 = [1, 0]
        // ⟨Λ, W − Z⟩ + ρ/2‖W − Z‖² = 3 + 0.05 · 9 = 3.45
        Assert.That(split.ConstraintTerms(0.1), Is.EqualTo(3.45).Within(1e-5));
        // ρ/2 ‖W − Z + Λ/ρ‖² = 0.05 · (3 + 10)² = 8.45
        using var penalty = split.Penalty(0.1);
        Assert.That(penalty.item<float>(), Is.EqualTo(8.45).Within(1e-4));
        Assert.That(split.ResidualNormSum(), Is.EqualTo(3).Within(1e-6));
    }

    [Test]
    public void ProjectedZ_WithMultipliers_ProjectsWPlusU()
    {
        var (layer, split) = TinySplit();
        using var _ = layer;
        using var __ = split;
        SetWeight(split, 3, 2);
        split.StepMultipliers(1); // Λ = W − Z = [3, −2]; W + Λ/ρ = [33, −18] → keep 33
        var z = split.ProjectedZ(0.1);
        split.ReplaceZ(z);
        Assert.That(split.Z("w").data<float>().ToArray(), Is.EqualTo(new[] { 33f, 0f }).Within(1e-4));
    }
}
