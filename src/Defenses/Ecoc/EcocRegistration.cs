using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.Ecoc;

public sealed class EcocRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<EcocDefense, EcocOptions>(DefenseIds.Ecoc, new EcocOptions(),
            "ECOC (Verma & Swami 2019): 32-bit Hadamard codewords, 4 sub-networks x 8 tanh bits, correlation decoding.");
}
