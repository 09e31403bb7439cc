using Microsoft.Extensions.DependencyInjection;

namespace Robustness.Core.Contracts;

/// <summary>
/// Entry point of a plug-in assembly loaded with --plugin: the CLI finds every public implementation with a
/// parameterless constructor and lets it register its defenses (services.AddDefense...).
/// </summary>
public interface IPluginModule
{
    void Register(IServiceCollection services);
}
