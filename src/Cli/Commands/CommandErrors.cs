using Robustness.Core.Data;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Plugins;
using Robustness.Evaluation.Store;
using Spectre.Console;

namespace Robustness.Cli.Commands;

/// <summary>Turns the user's mistakes (bad config, corrupt store, missing data or plug-in) into one line on stderr and exit code 2.</summary>
public static class CommandErrors
{
    public const int UserError = 2;

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
        or DatasetFormatException or DirectoryNotFoundException or FileNotFoundException or InvalidDataException or ArgumentException;

    public static void Report(Exception e) => Console.Error.WriteLine($"error: {e.Message}");
}
