using Robustness.Attacks;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Builds an attack by id with the paper's options, overridden by the profile section "attacks.&lt;id&gt;", and its
/// iterations multiplied by the cell's iteration scale (checklist: doubling iterations).
/// </summary>
public static class AttackFactory
{
    public const string SectionName = "attacks";

    public static IAttack Create(string attackId, DatasetProfile profile, double iterationScale = 1)
    {
        int Scale(int steps) => Math.Max(1, (int)Math.Round(steps * iterationScale));
        T Options<T>(T defaults) where T : class => profile.Section($"{SectionName}.{attackId}", defaults);
        return attackId switch
        {
            AttackIds.Fgsm => new Fgsm(Options(new FgsmOptions())),
            AttackIds.IterativeFgsm => new IterativeFgsm(Scaled(Options(new IterativeFgsmOptions()), o => o with { Steps = Scale(o.Steps) })),
            AttackIds.MomentumIterativeFgsm => new MomentumIterativeFgsm(Scaled(Options(new MomentumIterativeFgsmOptions()), o => o with { Steps = Scale(o.Steps) })),
            AttackIds.Pgd => new Pgd(Scaled(Options(new PgdOptions()), o => o with { Steps = Scale(o.Steps) })),
            AttackIds.CarliniWagnerL2 => new CarliniWagnerL2(Scaled(Options(new CarliniWagnerL2Options()), o => o with { Steps = Scale(o.Steps) })),
            AttackIds.ElasticNet => new ElasticNetAttack(Scaled(Options(new ElasticNetAttackOptions()), o => o with { Steps = Scale(o.Steps) })),
            _ => throw new KeyNotFoundException($"Unknown attack '{attackId}' (known: {string.Join(", ", AttackIds.All)})."),
        };
    }

    private static T Scaled<T>(T options, Func<T, T> scale) => scale(options);
}
