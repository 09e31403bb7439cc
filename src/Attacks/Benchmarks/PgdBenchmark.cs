using Robustness.Core.Benchmarks;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Benchmarks;

/// <summary>
/// PGD-10 (L∞, ε 0.05, step 0.005, random start) images/s on the surrogate CNN at the context's batch size —
/// the whole <see cref="Pgd"/> attack with its final success check — against the same loop in PyTorch eager
/// (bench/reference_pgd.py beside the core's bench/reference.py). Best of the context's timed rounds.
/// </summary>
public sealed class PgdBenchmark(IModelZoo? zoo = null) : IBenchmark
{
    private readonly IModelZoo zoo = zoo ?? new ModelZoo();

    public const string ReferenceScriptName = "reference_pgd.py";

    public string Name => "pgd";

    public IEnumerable<BenchmarkResult> Run(BenchmarkContext context)
    {
        var own = Measure(context);
        var (reference, best, note) = Reference(context);
        yield return new BenchmarkResult("pgd-10", ModelIds.SurrogateCnn, own, reference, Notes: note, BestReferenceImagesPerSecond: best);
    }

    private double Measure(BenchmarkContext context)
    {
        var dataset = DatasetInfo.Cifar10;
        manual_seed(0);
        using var network = zoo.Create(ModelIds.SurrogateCnn, new ModelSpec(dataset));
        network.to(context.Device);
        network.eval();
        var model = new ModuleClassifier(network, dataset.NumClasses, context.Device);
        var generator = new Generator(0);
        using var x = rand([context.BatchSize, dataset.Channels, dataset.Height, dataset.Width], generator: generator).to(context.Device);
        using var y = randint(0, dataset.NumClasses, [context.BatchSize], generator: generator, dtype: int64).to(context.Device);
        var attack = new Pgd(new PgdOptions { BatchSize = context.BatchSize });
        var goal = AttackGoal.Untargeted(attack.Options.Epsilon);
        return context.ImagesPerSecond(() =>
        {
            using var result = attack.Run(model, x, y, goal, generator);
        });
    }

    private static (double? Rate, double? Best, string Note) Reference(BenchmarkContext context)
    {
        if (context.PythonExecutable is not { } python || context.ReferenceScript is not { } core) return (null, null, "no reference");
        var script = Path.Combine(Path.GetDirectoryName(core) ?? ".", ReferenceScriptName);
        if (!File.Exists(script)) return (null, null, $"reference unavailable: {script} not found");
        var (root, error) = ReferenceRunner.RunJson(python, script, context.Threads, "--batch-size", $"{context.BatchSize}",
            "--threads", $"{context.Threads}", "--warmup", $"{context.WarmupIterations}", "--iterations", $"{context.Iterations}",
            "--rounds", $"{Math.Max(1, context.Rounds)}", "--device", ReferenceRunner.DeviceName(context.Device));
        return root is null
            ? (null, null, error!)
            : (root["pgd"]!.GetValue<double>(), root["pgdBest"]!.GetValue<double>(),
                $"PGD reference: PyTorch {root["torch"]} eager on {ReferenceRunner.DeviceName(context.Device)}, {root["threads"]} threads; its faster memory format: {root["pgdBestFormat"]}");
    }
}
