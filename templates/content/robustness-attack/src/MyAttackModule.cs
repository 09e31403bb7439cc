using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks;
using Robustness.Core.Contracts;

namespace MyAttack;

/// <summary>The plug-in's entry point: robustness finds it in the --plugin assembly and lets it register the attack.</summary>
public sealed class MyAttackModule : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddAttack(MyAttack.AttackId, new MyAttackOptions(), options => new MyAttack(options),
            "MyAttack: R+FGSM, a random sign step then a gradient-sign step.");
}
