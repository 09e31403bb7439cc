using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.BufferZones;

public sealed class BufferZonesRegistration : IPluginModule
{
    public void Register(IServiceCollection services) => services
        .AddDefense<Buzz8Defense, BufferZonesOptions>(DefenseIds.Buzz8, BufferZonesOptions.Buzz8(), "Buffer zones: 8 backbones behind fixed resizes 32…104, unanimous vote else Reject (Nguyen et al., BUZz).")
        .AddDefense<Buzz2Defense, BufferZonesOptions>(DefenseIds.Buzz2, BufferZonesOptions.Buzz2(), "Buffer zones: 2 backbones behind fixed resizes, unanimous vote else Reject (Nguyen et al., BUZz).");
}
