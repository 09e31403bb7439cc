using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Robustness.Attacks.Benchmarks;
using Robustness.Core.Contracts;

namespace Robustness.Attacks;

public static class AttackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the six attacks (keyed by id, with plug-in descriptors), the factory and the PGD benchmark.
    /// Idempotent: the harness and the CLI both ask for them.
    /// </summary>
    public static IServiceCollection AddRobustnessAttacks(this IServiceCollection services) =>
        services.Any(d => d.ImplementationInstance is PluginDescriptor { Kind: PluginKind.Attack, Id: AttackIds.Fgsm })
            ? services
            : services
        .AddAttack(AttackIds.Fgsm, new FgsmOptions(), o => new Fgsm(o), "Goodfellow et al. 2015 — fast gradient sign")
        .AddAttack(AttackIds.IterativeFgsm, new IterativeFgsmOptions(), o => new IterativeFgsm(o), "Kurakin et al. 2017 — basic iterative method")
        .AddAttack(AttackIds.MomentumIterativeFgsm, new MomentumIterativeFgsmOptions(), o => new MomentumIterativeFgsm(o), "Dong et al. 2018 — momentum iterative FGSM")
        .AddAttack(AttackIds.Pgd, new PgdOptions(), o => new Pgd(o), "Madry et al. 2018 — PGD with random start")
        .AddAttack(AttackIds.CarliniWagnerL2, new CarliniWagnerL2Options(), o => new CarliniWagnerL2(o), "Carlini & Wagner 2017 — L2")
        .AddAttack(AttackIds.ElasticNet, new ElasticNetAttackOptions(), o => new ElasticNetAttack(o), "Chen et al. 2018 — EAD (elastic net)")
        .AddPgdBenchmark();

    private static IServiceCollection AddPgdBenchmark(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBenchmark, PgdBenchmark>());
        return services;
    }
}
