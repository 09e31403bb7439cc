using Robustness.Core.Data;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Plugins;
using Robustness.Evaluation.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// Exit codes and error lines of every command: the user's mistakes (bad config or option, corrupt store or data file,
/// missing plug-in, unreachable download) become one line on stderr naming the thing at fault and exit code 2;
/// anything else is a bug, printed with its stack trace, exit code 70. Exit code 1 means the command ran and found a
/// failure: a regression (`nightly`), a checksum mismatch (`datasets verify`), a failed cell.
/// </summary>
public static class CommandErrors
{
    public const int Regression = 1;
    /// <summary>The command ran and something it computed failed (a cell); same code as a regression.</summary>
    public const int Failure = 1;
    public const int UserError = 2;
    public const int InternalError = 70;

    /// <summary>The command-line app's exception handler.</summary>
    public static int Handle(Exception exception)
    {
        var root = exception is CommandRuntimeException { InnerException: { } inner } ? inner : exception;
        if (IsUserError(root))
        {
            Report(root);
            return UserError;
        }
        AnsiConsole.WriteException(exception, ExceptionFormats.ShortenPaths);
        return InternalError;
    }

    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Report(e);
            return UserError;
        }
    }

    public static bool IsUserError(Exception e) => e is GridConfigException or ResultsStoreException or PluginLoadException
        or DatasetFormatException or DirectoryNotFoundException or FileNotFoundException or InvalidDataException or ArgumentException
        or CommandParseException or CommandRuntimeException or HttpRequestException or InvalidOperationException or NotSupportedException
        or IOException;

    /// <summary>One unwrapped line on stderr, so scripts and CI logs keep the whole message.</summary>
    public static void Report(Exception e) => Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
}
