using System.ComponentModel;
using System.Globalization;
using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Core;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Protocol;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness adversary`: one transfer cell (Mahmood et al. 2021) — defense accuracy, δ against vanilla, queries and
/// surrogate/oracle agreement — or a curve of defense accuracy vs q or vs queries, written as CSV.
/// </summary>
public sealed class AdversaryCommand(AdversaryRunner runner) : Command<AdversaryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dataset <ID>"), Description("cifar10 or fashion-mnist."), DefaultValue(DatasetIds.FashionMnist)]
        public string Dataset { get; init; } = DatasetIds.FashionMnist;

        [CommandOption("--defense <ID>"), Description("Registered defense id."), DefaultValue("vanilla")]
        public string Defense { get; init; } = "vanilla";

        [CommandOption("--adversary <ID>"), Description("pure-blackbox or oracle-jacobian."), DefaultValue(AdversaryIds.OracleJacobian)]
        public string Adversary { get; init; } = AdversaryIds.OracleJacobian;

        [CommandOption("-q|--fraction <Q>"), Description("Fraction q of the training set the adversary starts from, in (0, 1]] (--q also accepted)."), DefaultValue(0.01)]
        public double Q { get; init; } = 0.01;

        [CommandOption("--attack <ID>"), Description("fgsm, ifgsm, mim, pgd, cw, ead; several separated by commas."), DefaultValue(AttackIds.MomentumIterativeFgsm)]
        public string Attack { get; init; } = AttackIds.MomentumIterativeFgsm;

        [CommandOption("-p|--profile <PROFILE>"), Description("smoke, quick or paper."), DefaultValue(ProfileNames.Quick)]
        public string Profile { get; init; } = ProfileNames.Quick;

        [CommandOption("--seed <SEED>"), DefaultValue(0L)]
        public long Seed { get; init; }

        [CommandOption("--targeted"), Description("Targeted attack (targets drawn uniformly among the wrong classes, seeded).")]
        public bool Targeted { get; init; }

        [CommandOption("--device <DEVICE>"), Description("auto (default), cpu, cuda or cuda:N."), DefaultValue(DeviceSelection.Default)]
        public string Device { get; init; } = DeviceSelection.Default;

        [CommandOption("--artefacts <DIR>"), Description("Artefact store root (default $ROBUSTNESS_ARTEFACTS, else ./.artefacts).")]
        public string? Artefacts { get; init; }

        [CommandOption("--data <DIR>"), Description("Root holding the dataset folders.")]
        public string? Data { get; init; }

        [CommandOption("--query-budget <N>"), Description("Oracle query budget; augmentation stops when it is spent.")]
        public long? QueryBudget { get; init; }

        [CommandOption("--epsilon <EPS>"), Description("Attack ε on the [[0,1]] scale (default: the protocol's for dataset and attack).")]
        public double? Epsilon { get; init; }

        [CommandOption("--points <N>"), Description("Attacked test points (default: the profile's).")]
        public int? Points { get; init; }

        [CommandOption("--curve <KIND>"), Description("q (profile's q grid) or queries (budgets n·{1,2,4,8,15})."), DefaultValue(TransferCurveKind.None)]
        public TransferCurveKind Curve { get; init; }

        [CommandOption("--csv <PATH>"), Description("Write the rows as CSV.")]
        public string? Csv { get; init; }

        public override ValidationResult Validate() =>
            Q is <= 0 or > 1 ? ValidationResult.Error($"--q {Q} must be in (0, 1].")
            : Seed < 0 ? ValidationResult.Error("--seed must be >= 0.")
            : QueryBudget is < 1 ? ValidationResult.Error($"--query-budget {QueryBudget} must be >= 1.")
            : Epsilon is <= 0 or > 1 ? ValidationResult.Error($"--epsilon {Epsilon} must be in (0, 1] (images are in [0, 1]).")
            : Points is < 1 ? ValidationResult.Error($"--points {Points} must be >= 1.")
            : ValidationResult.Success();
    }

    /// <summary>
    /// Spectre.Console.Cli rejects one-letter long options, but the protocol's name for the fraction is q:
    /// "--q 0.01" and "--q=0.01" become "-q 0.01" / "-q=0.01".
    /// </summary>
    public static string[] NormaliseArguments(string[] args) =>
        args.Select(a => a == "--q" ? "-q" : a.StartsWith("--q=", StringComparison.Ordinal) ? "-q=" + a[4..] : a).ToArray();

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        var request = new AdversaryRunRequest(settings.Dataset, settings.Profile, settings.Defense, settings.Adversary, settings.Q,
            settings.Attack, settings.Targeted, settings.Seed, settings.Device, settings.Artefacts, settings.Data, settings.QueryBudget,
            settings.Epsilon, settings.Points, settings.Curve);
        var rows = runner.Run(request, line => Console.Error.WriteLine(line));
        Print(rows);
        if (settings.Csv is not null)
        {
            TransferCurveCsv.Write(settings.Csv, rows);
            Console.Out.WriteLine($"wrote {settings.Csv}");
        }
        return 0;
    });

    private static void Print(IReadOnlyList<AdversaryRunRow> rows)
    {
        foreach (var row in rows)
        {
            var r = row.Defended;
            var c = r.Cell;
            Console.Out.WriteLine($"{c.Dataset} {c.Profile} | defense {c.Defense} | adversary {c.Adversary} q={c.Q.ToString(CultureInfo.InvariantCulture)}"
                + (c.QueryBudget is { } b ? $" budget={b}" : "") + $" | attack {c.Attack} {c.Goal} ε={c.Epsilon.ToString(CultureInfo.InvariantCulture)} seed={c.Seed}");
            Console.Out.WriteLine($"  defense accuracy {F(r.DefenseAccuracy)} over {r.Attacked} points"
                + (row.Delta is { } d ? $", δ vs vanilla {d.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} (vanilla {F(row.Vanilla!.DefenseAccuracy)})" : "")
                + $"; white-box success on the surrogate {F(r.WhiteBoxSuccessRate)}; clean accuracy {F(r.CleanAccuracy)}");
            Console.Out.WriteLine($"  queries {r.Queries} (rejected {r.RejectedQueries}), oracle forward passes {r.OracleForwardPasses}; surrogate/oracle agreement "
                + (r.SurrogateAgreement is { } a ? F(a) : "n/a") + $"; surrogate trained on {r.SurrogateTrainingSetSize}"
                + (r.SurrogateConfig.TryGetValue("labelling", out var labelling) ? $" (labelling {labelling})" : ""));
            Console.Out.WriteLine($"  time: surrogate training {S(r.SurrogateTrainingSeconds)}"
                + (r.SurrogateTrainingSeconds == 0 && r.SurrogateBuildSeconds > 0 ? $" (loaded; {S(r.SurrogateBuildSeconds)} when built)" : "")
                + $", attack {S(r.AttackSeconds)}, cell wall {S(row.WallSeconds)}"
                + (r.ExamplesReused ? " (examples reused)" : ""));
        }
    }

    private static string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
