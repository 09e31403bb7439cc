using System.ComponentModel;
using System.Globalization;
using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
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

        [CommandOption("--q <FRACTION>"), Description("Fraction of the training set the adversary starts from, in (0, 1]."), DefaultValue(0.01)]
        public double Q { get; init; } = 0.01;

        [CommandOption("--attack <ID>"), Description("fgsm, ifgsm, mim, pgd, cw, ead."), DefaultValue(AttackIds.MomentumIterativeFgsm)]
        public string Attack { get; init; } = AttackIds.MomentumIterativeFgsm;

        [CommandOption("-p|--profile <PROFILE>"), Description("smoke, quick or paper."), DefaultValue(ProfileNames.Quick)]
        public string Profile { get; init; } = ProfileNames.Quick;

        [CommandOption("--seed <SEED>"), DefaultValue(0L)]
        public long Seed { get; init; }

        [CommandOption("--targeted"), Description("Targeted attack (targets drawn uniformly among the wrong classes, seeded).")]
        public bool Targeted { get; init; }

        [CommandOption("--device <DEVICE>"), Description("auto, cpu, cuda, cuda:N."), DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        [CommandOption("--artefacts <DIR>"), Description("Artefact store root (default $ROBUSTNESS_ARTEFACTS, else ./.artefacts).")]
        public string? Artefacts { get; init; }

        [CommandOption("--data <DIR>"), Description("Root holding the dataset folders.")]
        public string? Data { get; init; }

        [CommandOption("--query-budget <N>"), Description("Oracle query budget; augmentation stops when it is spent.")]
        public long? QueryBudget { get; init; }

        [CommandOption("--epsilon <EPS>"), Description("Attack ε on the [0,1] scale (default: the protocol's for dataset and attack).")]
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
            : Epsilon is < 0 ? ValidationResult.Error($"--epsilon {Epsilon} must be >= 0.")
            : Points is < 1 ? ValidationResult.Error($"--points {Points} must be >= 1.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        var request = new AdversaryRunRequest(settings.Dataset, settings.Profile, settings.Defense, settings.Adversary, settings.Q,
            settings.Attack, settings.Targeted, settings.Seed, settings.Device, settings.Artefacts, settings.Data, settings.QueryBudget,
            settings.Epsilon, settings.Points, settings.Curve);
        var rows = runner.Run(request, line => Console.Error.WriteLine(line));
        AnsiConsole.Write(Table(rows));
        if (settings.Csv is not null)
        {
            TransferCurveCsv.Write(settings.Csv, rows);
            Console.Out.WriteLine($"wrote {settings.Csv}");
        }
        return 0;
    });

    private static Table Table(IReadOnlyList<AdversaryRunRow> rows)
    {
        var table = new Table().AddColumns("defense", "adversary", "attack", "goal", "q", "points", "defense acc", "δ vs vanilla",
            "white-box succ", "queries", "oracle passes", "agreement", "clean acc", "surrogate s", "attack s", "wall s");
        foreach (var row in rows)
        {
            var r = row.Defended;
            table.AddRow(r.Cell.Defense, r.Cell.Adversary, r.Cell.Attack, r.Cell.Goal, F(r.Cell.Q), r.Attacked.ToString(CultureInfo.InvariantCulture),
                F(r.DefenseAccuracy), row.Delta is { } d ? d.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) : "-",
                F(r.WhiteBoxSuccessRate), r.Queries.ToString(CultureInfo.InvariantCulture), r.OracleForwardPasses.ToString(CultureInfo.InvariantCulture),
                r.SurrogateAgreement is { } a ? F(a) : "-", F(r.CleanAccuracy), r.SurrogateTrainingSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                r.AttackSeconds.ToString("0.0", CultureInfo.InvariantCulture), row.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        }
        return table;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
