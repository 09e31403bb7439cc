namespace Robustness.Attacks.Tests.Support;

/// <summary>Attacks with test-sized budgets (the paper's rules, fewer iterations).</summary>
public static class TestAttacks
{
    public static Attack Create(string id, double epsilon = 0.05, int batchSize = 128) => id switch
    {
        AttackIds.Fgsm => new Fgsm(new FgsmOptions { Epsilon = epsilon, BatchSize = batchSize }),
        AttackIds.IterativeFgsm => new IterativeFgsm(new IterativeFgsmOptions { Epsilon = epsilon, StepSize = epsilon / 4, Steps = 10, BatchSize = batchSize }),
        AttackIds.MomentumIterativeFgsm => new MomentumIterativeFgsm(new MomentumIterativeFgsmOptions { Epsilon = epsilon, StepSize = epsilon / 4, Steps = 10, BatchSize = batchSize }),
        AttackIds.Pgd => new Pgd(new PgdOptions { Epsilon = epsilon, StepSize = epsilon / 4, Steps = 10, BatchSize = batchSize }),
        AttackIds.CarliniWagnerL2 => new CarliniWagnerL2(new CarliniWagnerL2Options { Steps = 30, BinarySearchSteps = 3, InitialConstant = 1, LearningRate = 0.05, BatchSize = batchSize }),
        AttackIds.ElasticNet => new ElasticNetAttack(new ElasticNetAttackOptions { Steps = 30, BinarySearchSteps = 3, InitialConstant = 1, LearningRate = 0.05, BatchSize = batchSize }),
        _ => throw new ArgumentException($"unknown attack '{id}'", nameof(id)),
    };
}
