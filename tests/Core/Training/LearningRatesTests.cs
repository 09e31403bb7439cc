using NUnit.Framework;
using Robustness.Core.Training;

namespace Robustness.Core.Tests.Training;

public sealed class LearningRatesTests
{
    [Test]
    public void At_Cosine_StartsAtRateAndHalvesAtMidpoint()
    {
        var recipe = new TrainingRecipe { LearningRate = 0.2, Schedule = LearningRateSchedule.Cosine };
        Assert.That(LearningRates.At(recipe, 0), Is.EqualTo(0.2).Within(1e-12));
        Assert.That(LearningRates.At(recipe, 0.5), Is.EqualTo(0.1).Within(1e-12));
        Assert.That(LearningRates.At(recipe, 0.99), Is.LessThan(0.001));
    }

    [Test]
    public void At_Step_DividesByTenAtEachMilestone()
    {
        var recipe = new TrainingRecipe { LearningRate = 0.1, Schedule = LearningRateSchedule.Step, StepMilestones = [0.5, 0.75] };
        Assert.That(LearningRates.At(recipe, 0.49), Is.EqualTo(0.1).Within(1e-12));
        Assert.That(LearningRates.At(recipe, 0.5), Is.EqualTo(0.01).Within(1e-12));
        Assert.That(LearningRates.At(recipe, 0.8), Is.EqualTo(0.001).Within(1e-12));
    }

    [Test]
    public void At_Constant_NeverChanges() =>
        Assert.That(LearningRates.At(new TrainingRecipe { LearningRate = 0.3, Schedule = LearningRateSchedule.Constant }, 0.9), Is.EqualTo(0.3));
}
