using System.Diagnostics;

namespace Robustness.Packaging.Tests;

/// <summary>
/// Runs a command as a researcher would type it, inside an isolated home: its own CLI home (template hive, tool
/// settings) and NuGet packages folder, no MSBuild state inherited from the test host. Records each step's time.
/// </summary>
public sealed class DotnetProcess(string home, string nugetPackages)
{
    public List<(string Command, TimeSpan Took)> Steps { get; } = [];

    public string Run(string workingDirectory, TimeSpan timeout, string fileName, params string[] args)
    {
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        info.Environment["DOTNET_CLI_HOME"] = home;
        info.Environment["NUGET_PACKAGES"] = nugetPackages;
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var line = $"{Path.GetFileName(fileName)} {string.Join(' ', args)}";
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{line}` did not finish in {timeout}.");
        }
        Steps.Add((line, clock.Elapsed));
        TestContext.Out.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {line}");
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
            Assert.Fail($"`{line}` exited {process.ExitCode} in {workingDirectory}:\n{Tail(output)}");
        return output;
    }

    private static string Tail(string text) => text.Length <= 8000 ? text : "…" + text[^8000..];
}
