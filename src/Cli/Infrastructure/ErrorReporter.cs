using Robustness.Core.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Infrastructure;

/// <summary>
/// Turns expected failures (bad input files, options, configs) into one red line and exit code 1; anything else
/// is a bug and keeps its stack trace.
/// </summary>
public static class ErrorReporter
{
    public static int Handle(Exception exception)
    {
        var root = exception is CommandRuntimeException { InnerException: { } inner } ? inner : exception;
        if (IsUserError(root))
        {
            // One unwrapped line on stderr, so scripts and CI logs keep the whole message.
            Console.Error.WriteLine($"error: {root.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
        AnsiConsole.WriteException(exception, ExceptionFormats.ShortenPaths);
        return 2;
    }

    private static bool IsUserError(Exception e) => e is DatasetFormatException or InvalidDataException or FileNotFoundException
        or DirectoryNotFoundException or ArgumentException or CommandParseException or CommandRuntimeException
        or HttpRequestException or InvalidOperationException or NotSupportedException or IOException;
}
