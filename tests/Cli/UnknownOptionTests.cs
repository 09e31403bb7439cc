using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Robustness.Cli.Commands;
using Robustness.Cli.Infrastructure;
using Robustness.Testing;
using Spectre.Console.Cli;

namespace Robustness.Cli.Tests;

/// <summary>
/// Every command rejects an option it does not declare (exit 2, one `error:` line naming it and the declared option it
/// most resembles) instead of running with the option silently dropped. The commands are found by reflection, so a new
/// command is covered without editing this test.
/// </summary>
public sealed partial class UnknownOptionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Every concrete command of the CLI with its command line ("datasets check" for DatasetsCheckCommand) and its settings type.</summary>
    public static IEnumerable<TestCaseData> Commands() => typeof(EvaluateCommand).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ICommand).IsAssignableFrom(t))
        .Select(t => new TestCaseData(CommandLine(t), SettingsType(t)).SetArgDisplayNames(string.Join(' ', CommandLine(t))))
        .OrderBy(c => c.TestName, StringComparer.Ordinal);

    [Test]
    public void Commands_FoundByReflection_CoverEveryTopLevelCommand()
    {
        var names = Commands().Select(c => ((string[])c.Arguments[0]!)[0]).Distinct().ToList();
        Assert.That(names, Is.SupersetOf(new[] { "evaluate", "plan", "run-cell", "report", "slurm", "nightly", "train", "attack", "adversary", "prune", "bench", "datasets", "list" }));
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_MisspeltOption_ExitTwoNamingItAndTheIntendedOption(string[] command, Type settings)
    {
        var intended = UnknownOptionsInterceptor.KnownOptions(settings).OrderByDescending(o => o.Length).ThenBy(o => o, StringComparer.Ordinal).First();
        var typo = SwapMiddleLetters(intended);
        Assume.That(UnknownOptionsInterceptor.KnownOptions(settings), Does.Not.Contain(typo));
        using var temp = new TempDirectory();

        var (exit, output, error) = CliProcess.Run(temp.Path, Timeout, [.. command, "--" + typo]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), output + error);
            Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.StartWith("error:").And.Contain($"--{typo}").And.Contain($"did you mean --{intended}?"));
            Assert.That(Directory.EnumerateFileSystemEntries(temp.Path), Is.Empty, "the command did not run");
        });
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_OptionNothingResembles_ExitTwoListingTheKnownOptions(string[] command, Type settings)
    {
        using var temp = new TempDirectory();

        var (exit, output, error) = CliProcess.Run(temp.Path, Timeout, [.. command, "--zzzzzzzzzzzz", "1"]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), output + error);
            Assert.That(error, Does.StartWith("error:").And.Contain("--zzzzzzzzzzzz").And.Contain("known: ").And.Contain("--plugin"));
        });
    }

    [Test]
    public void Attack_StepsZero_RejectedNotReplacedByTheProfilesSteps()
    {
        using var temp = new TempDirectory();
        var (exit, output, error) = CliProcess.Run(temp.Path, Timeout, "attack", "--steps", "0");
        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error, Does.StartWith("error:").And.Contain("--steps"));
    }

    [TestCase("attack", "--eps", "2")]
    [TestCase("attack", "--eps", "0.03,1.5")]
    [TestCase("adversary", "--epsilon", "2")]
    [TestCase("adversary", "--epsilon", "0")]
    public void Epsilon_OutsideTheImageRange_ExitTwoNamingTheOption(string command, string option, string value)
    {
        using var temp = new TempDirectory();
        var (exit, output, error) = CliProcess.Run(temp.Path, Timeout, command, option, value);
        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error, Does.StartWith("error:").And.Contain(option).And.Contain("(0, 1]"));
    }

    private static string[] CommandLine(Type command)
    {
        var words = Words().Matches(command.Name.Replace("Command", "", StringComparison.Ordinal)).Select(m => m.Value.ToLowerInvariant()).ToList();
        // A command in a branch's namespace (Commands.Datasets) is "<branch> <rest>"; others are one kebab-case word.
        var branch = command.Namespace!.Split('.')[^1].ToLowerInvariant();
        return words.Count > 1 && words[0] == branch ? [branch, string.Join('-', words.Skip(1))] : [string.Join('-', words)];
    }

    private static Type SettingsType(Type command)
    {
        for (var t = command; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Command<>)) return t.GetGenericArguments()[0];
        throw new InvalidOperationException($"{command.Name} is not a Command<TSettings>.");
    }

    /// <summary>A one-transposition typo: the two middle letters that differ swapped ("profiles-file" → "profiels-file").</summary>
    private static string SwapMiddleLetters(string name)
    {
        var letters = name.ToCharArray();
        for (var i = letters.Length / 2; i > 0; i--)
        {
            if (letters[i - 1] == letters[i] || !char.IsLetter(letters[i - 1]) || !char.IsLetter(letters[i])) continue;
            (letters[i - 1], letters[i]) = (letters[i], letters[i - 1]);
            return new string(letters);
        }
        throw new InvalidOperationException($"no two different letters to swap in '{name}'");
    }

    [GeneratedRegex("[A-Z][a-z]*")]
    private static partial Regex Words();
}
