using System.Reflection;
using Robustness.Core.Contracts;
using Robustness.Evaluation.Plugins;
using Spectre.Console.Cli;

namespace Robustness.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli's default parsing puts options a command does not declare into <see cref="CommandContext.Remaining"/>
/// and runs the command anyway, so `plan --confg x.json` planned the default grid. This interceptor turns the first
/// such option, or any argument after "--", into an error naming it and the closest declared option, before the command
/// runs (settings' own Validate runs before interceptors, so commands keep required-option checks in Execute).
/// </summary>
public sealed class UnknownOptionsInterceptor : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        var known = KnownOptions(settings.GetType());
        var unknown = context.Remaining.Parsed.Select(g => g.Key).FirstOrDefault(k => !known.Contains(k.TrimStart('-')));
        if (unknown is not null)
        {
            var option = unknown.StartsWith('-') ? unknown : (unknown.Length == 1 ? "-" : "--") + unknown;
            throw new ArgumentException($"unknown option {option} for '{context.Name}' ({ClosestName.Hint(option.TrimStart('-'), known, k => $"--{k}")}).");
        }
        if (context.Remaining.Raw.Count > 0)
            throw new ArgumentException($"'{context.Name}' takes no arguments after \"--\" (got: {string.Join(' ', context.Remaining.Raw)}).");
    }

    /// <summary>
    /// The long names (without "--") of every option the settings type declares, inherited ones included, plus --plugin:
    /// Program.cs reads that one from the raw command line for every command, before parsing.
    /// </summary>
    public static IReadOnlyList<string> KnownOptions(Type settings) => settings
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
        .OfType<CommandOptionAttribute>()
        .SelectMany(a => a.LongNames)
        .Append(PluginLoader.Option.TrimStart('-'))
        .Distinct()
        .ToList();
}
