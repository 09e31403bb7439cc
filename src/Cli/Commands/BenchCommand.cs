using System.ComponentModel;
using Robustness.Core;
using Robustness.Core.Benchmarks;
using Robustness.Core.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace Robustness.Cli.Commands;

/// <summary>
/// Runs every registered <see cref="IBenchmark"/> (zoo models here; attacks add theirs) and prints images/s, achieved
/// GFLOP/s as a fraction of the measured SGEMM rate, and the ratio to PyTorch eager (bench/reference.py).
/// </summary>
public sealed class BenchCommand(IEnumerable<IBenchmark> benchmarks) : Command<BenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--models <IDS>"), Description("Comma-separated zoo ids (default: all).")]
        public string? Models { get; init; }

        [CommandOption("--only <NAME>"), Description("Run only the benchmark with this name (e.g. models).")]
        public string? Only { get; init; }

        [CommandOption("--batch-size <N>"), DefaultValue(128)] public int BatchSize { get; init; } = 128;
        [CommandOption("--threads <N>"), DefaultValue(2)] public int Threads { get; init; } = 2;
        [CommandOption("--warmup <N>"), DefaultValue(2)] public int Warmup { get; init; } = 2;
        [CommandOption("--iterations <N>"), DefaultValue(5)] public int Iterations { get; init; } = 5;
        [CommandOption("--rounds <N>"), DefaultValue(3)] public int Rounds { get; init; } = 3;
        [CommandOption("--device <DEVICE>"), DefaultValue(DeviceSelection.Default)] public string Device { get; init; } = DeviceSelection.Default;

        [CommandOption("--python <EXE>"), Description("PyTorch reference interpreter."), DefaultValue("/usr/bin/python3")]
        public string Python { get; init; } = "/usr/bin/python3";

        [CommandOption("--no-reference"), Description("Skip the PyTorch eager reference.")]
        public bool NoReference { get; init; }

        public override ValidationResult Validate() =>
            BatchSize < 1 || Threads < 1 || Iterations < 1 || Rounds < 1 || Warmup < 0
                ? ValidationResult.Error("--batch-size, --threads, --iterations and --rounds must be >= 1, --warmup >= 0")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var device = DeviceSelection.Resolve(settings.Device);
        set_num_threads(settings.Threads);
        var script = settings.NoReference ? null : FindReferenceScript();
        var python = settings.NoReference || !File.Exists(settings.Python) ? null : settings.Python;
        var models = settings.Models?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sgemm = SgemmRate.Measure(device);
        Console.WriteLine($"device {device}, threads {get_num_threads()}, batch {settings.BatchSize}; SGEMM (torch.mm 1024²) {sgemm:F1} GFLOP/s; " +
                          $"reference {(python is not null && script is not null ? $"{python} {script}" : "none")}");
        var benchContext = new BenchmarkContext(device, settings.BatchSize, settings.Warmup, settings.Iterations, python, script, settings.Threads, models, settings.Rounds);
        var table = new Table().AddColumns("bench", "model", "img/s", "GFLOP/s", "%SGEMM", "PyTorch img/s", "ratio",
            "PyTorch best img/s", "ratio to best");
        var notes = new SortedSet<string>();
        foreach (var benchmark in benchmarks.Where(b => settings.Only is null || b.Name == settings.Only))
        {
            foreach (var r in benchmark.Run(benchContext))
            {
                table.AddRow(r.Name, r.Model, $"{r.ImagesPerSecond:F1}", r.GflopsPerSecond is { } g ? $"{g:F1}" : "-",
                    r.GflopsPerSecond is { } f ? $"{100 * f / sgemm:F0} %" : "-", r.ReferenceImagesPerSecond is { } p ? $"{p:F1}" : "-",
                    r.RatioToReference is { } ratio ? $"{ratio:F2}×" : "-",
                    r.BestReferenceImagesPerSecond is { } b ? $"{b:F1}" : "-", r.RatioToBestReference is { } best ? $"{best:F2}×" : "-");
                if (r.Notes.Length > 0) notes.Add(r.Notes);
            }
        }
        // Redirected output defaults to 80 columns, which wraps every cell of a nine-column table.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        AnsiConsole.Write(table);
        foreach (var note in notes) Console.WriteLine("note: " + note);
        return 0;
    }

    /// <summary>bench/reference.py above the working directory or the executable.</summary>
    private static string? FindReferenceScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "reference.py");
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
