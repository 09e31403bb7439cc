using Microsoft.Extensions.DependencyInjection;
using Robustness.Cli.Commands;
using Robustness.Cli.Infrastructure;
using Spectre.Console.Cli;

var services = new ServiceCollection();
var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("robustness");
    config.AddCommand<ListCommand>("list").WithDescription("List registered defenses, attacks, adversaries and models.");
});
return app.Run(args);
