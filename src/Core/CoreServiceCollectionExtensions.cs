using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Artefacts;
using Robustness.Core.Benchmarks;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model zoo, the artefact store, the device, the profile catalog and the network trainer
    /// (with the <see cref="INetworkVariant"/> registered in the container, else dense). Built lazily.
    /// </summary>
    public static IServiceCollection AddRobustnessCore(this IServiceCollection services, CoreOptions? options = null)
    {
        options ??= new CoreOptions();
        services.AddSingleton(options);
        services.AddSingleton<IModelZoo, ModelZoo>();
        services.AddSingleton(_ => new ArtefactStore(options.ArtefactRoot));
        services.AddSingleton<Device>(_ => DeviceSelection.Resolve(options.Device));
        services.AddSingleton(_ => ProfileCatalog.Load(options.ProfilesFile));
        services.AddSingleton<INetworkTrainer>(provider => new NetworkTrainer(
            provider.GetRequiredService<ArtefactStore>(), provider.GetRequiredService<Device>(), provider.GetService<INetworkVariant>()));
        services.AddSingleton<IBenchmark, ModelThroughputBenchmark>();
        return services;
    }
}
