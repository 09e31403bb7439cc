using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Samples.ExternalDefense;

/// <summary>The plug-in's entry point: the CLI finds it in the --plugin assembly and lets it register its defense.</summary>
public sealed class ExternalDefenseModule : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<BlurDefense, BlurDefenseOptions>(BlurDefense.DefenseId, new BlurDefenseOptions(),
            "Sample plug-in: mean filter in front of a small CNN (samples/ExternalDefense).");
}
