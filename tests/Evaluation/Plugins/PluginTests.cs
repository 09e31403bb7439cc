using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Plugins;
using Robustness.Evaluation.Tests.Support;
using System.Runtime.Loader;

namespace Robustness.Evaluation.Tests.Plugins;

public sealed class PluginTests
{
    [Test]
    public void AddPlugins_SampleAssembly_RegistersItsDefenseFromAnIsolatedContext()
    {
        var services = new ServiceCollection().AddPlugins([BuiltArtifacts.SamplePlugin]);
        using var provider = services.BuildServiceProvider();
        var defense = provider.GetRequiredKeyedService<DefenseFactory>("sample-blur").Create(ProfileCatalog.Default().Get(ProfileNames.Smoke, "fashion-mnist"));
        Assert.Multiple(() =>
        {
            Assert.That(defense.Id, Is.EqualTo("sample-blur"));
            Assert.That(AssemblyLoadContext.GetLoadContext(defense.GetType().Assembly), Is.InstanceOf<PluginLoadContext>());
            Assert.That(provider.GetServices<PluginDescriptor>().Select(p => p.Id), Does.Contain("sample-blur"));
        });
    }

    [Test]
    public void AddPlugins_MissingFile_ClearError()
    {
        Assert.That(() => new ServiceCollection().AddPlugins(["/nowhere/x.dll"]), Throws.TypeOf<PluginLoadException>().With.Message.Contain("/nowhere/x.dll"));
    }

    [Test]
    public void List_WithPlugin_ShowsThePluginDefense()
    {
        using var dir = new Robustness.Testing.TempDirectory();
        var result = CliProcess.Run(dir.Path, TimeSpan.FromMinutes(3), "list", "--plugin", BuiltArtifacts.SamplePlugin);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Stdout, Does.Contain("sample-blur").And.Contain("vanilla"));
        });
    }

    [Test]
    public void FromArguments_BothSyntaxes_Found() =>
        Assert.That(PluginLoader.FromArguments(["evaluate", "--plugin", "a.dll", "--plugin=b.dll"]), Is.EqualTo(new[] { "a.dll", "b.dll" }));
}
