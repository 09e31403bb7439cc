using Microsoft.Extensions.DependencyInjection;

namespace Robustness.Core.Fidelity;

/// <summary>How a plug-in assembly declares the fidelity of its own component; without one its reports say "no reference recorded".</summary>
public static class FidelityRegistration
{
    public static IServiceCollection AddFidelity(this IServiceCollection services, ComponentFidelity component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!FidelityKinds.All.Contains(component.Kind))
            throw new ArgumentException($"Fidelity of '{component.Id}': kind '{component.Kind}' is not one of {string.Join(", ", FidelityKinds.All)}.", nameof(component));
        services.AddSingleton(component);
        return services;
    }
}
