namespace Robustness.Core.Training;

/// <summary>
/// Learning-rate schedules, evaluated per batch on the fraction of training done t ∈ [0,1):
/// Constant; Cosine (Loshchilov and Hutter 2017, no restarts) lr·½(1+cos πt); Step: lr·0.1^(milestones ≤ t).
/// </summary>
public static class LearningRates
{
    public static double At(TrainingRecipe recipe, double progress) => recipe.Schedule switch
    {
        LearningRateSchedule.Constant => recipe.LearningRate,
        LearningRateSchedule.Cosine => recipe.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * progress)),
        LearningRateSchedule.Step => recipe.LearningRate * Math.Pow(0.1, recipe.StepMilestones.Count(m => m <= progress)),
        _ => throw new ArgumentOutOfRangeException(nameof(recipe), recipe.Schedule, "unknown schedule"),
    };
}
