using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace MyDefense;

/// <summary>The plug-in's entry point: robustness finds it in the --plugin assembly and lets it register the defense.</summary>
public sealed class MyDefenseModule : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<MyDefense, MyDefenseOptions>(MyDefense.DefenseId, new MyDefenseOptions(),
            "MyDefense: the backbone, abstaining below a confidence threshold.");
}
