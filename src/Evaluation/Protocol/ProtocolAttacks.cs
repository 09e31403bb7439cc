using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks;
using Robustness.Core.Contracts;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// The six attacks with the protocol's settings (DESIGN §4): ε and step per dataset, 10 iterations, MIM decay 1,
/// PGD random start; C&amp;W L2 and EAD with 1000 steps and 9 binary-search steps unless the profile's "protocol"
/// section lowers them (quick profile). An id that is not built in is resolved from DI (keyed IAttack).
/// </summary>
public static class ProtocolAttacks
{
    public static IAttack Create(string attackId, string datasetId, double epsilon, ProtocolOptions options, IServiceProvider? services = null)
    {
        var step = ProtocolEpsilon.StepSize(datasetId);
        var steps = options.OptimizationAttackSteps;
        var search = options.OptimizationAttackBinarySearchSteps;
        return attackId switch
        {
            AttackIds.Fgsm => new Fgsm(new FgsmOptions { Epsilon = epsilon }),
            AttackIds.IterativeFgsm => new IterativeFgsm(new IterativeFgsmOptions { Epsilon = epsilon, StepSize = step, Steps = 10 }),
            AttackIds.MomentumIterativeFgsm => new MomentumIterativeFgsm(new MomentumIterativeFgsmOptions { Epsilon = epsilon, StepSize = step, Steps = 10, Decay = 1.0 }),
            AttackIds.Pgd => new Pgd(new PgdOptions { Epsilon = epsilon, StepSize = step, Steps = 10, RandomStart = true }),
            AttackIds.CarliniWagnerL2 => new CarliniWagnerL2(new CarliniWagnerL2Options { Steps = steps, BinarySearchSteps = search }),
            AttackIds.ElasticNet => new ElasticNetAttack(new ElasticNetAttackOptions { Steps = steps, BinarySearchSteps = search }),
            _ => services?.GetKeyedService<IAttack>(attackId)
                ?? throw new ArgumentException($"Unknown attack '{attackId}'. Known: {string.Join(", ", AttackIds.All)}.", nameof(attackId)),
        };
    }
}
