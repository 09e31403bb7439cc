using System.Text;
using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Tests.Fidelity;

/// <summary>A report's Deviations list exactly the components its run used, from the one fidelity source.</summary>
public sealed class RunDeviationsTests
{
    private const string Catalog = """
        { "components": [
          { "kind": "attack", "id": "x-attack", "title": "X", "reference": "x.py", "paper": "p", "framework": "f", "sections": ["attacks.cw"],
            "differences": [ { "aspect": "x-aspect", "paper": "p", "source": "s", "framework": "f", "deliberate": false, "tracking": "issue 9" },
                             { "aspect": "x-paper-only", "paper": "p", "source": "s", "framework": "f", "deliberate": true, "profiles": ["paper"] } ] },
          { "kind": "defense", "id": "y-defense", "title": "Y", "reference": "y.py", "paper": "p", "framework": "f",
            "differences": [ { "aspect": "y-aspect", "paper": "p", "source": "s", "framework": "f", "deliberate": true } ] },
          { "kind": "attack", "id": "z-attack", "title": "Z", "reference": "z.py", "paper": "p", "framework": "f",
            "differences": [ { "aspect": "z-aspect", "paper": "p", "source": "s", "framework": "f", "deliberate": false } ] }
        ] }
        """;

    private static ReportFidelity Fidelity() =>
        new(FidelityCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Catalog)), "test.json"), ProfileCatalog.Default());

    private static GridConfig Config(string profile) => new()
    {
        Name = "fidelity",
        Profile = profile,
        Datasets = ["fashion-mnist"],
        Baseline = "vanilla",
        Defenses = ["y-defense"],
        Adversaries = ["pure-blackbox"],
        Q = [1.0],
        Attacks = ["x-attack"],
        AttackedPoints = 10,
        Checklist = new ChecklistOptions { EpsilonScales = [], SweepAttacks = [], WhiteBox = false, Noise = false },
    };

    private static ReportModel Report(string profile, ReportFidelity fidelity)
    {
        var config = Config(profile);
        var run = new RunRecord("fidelity", config.Name, config.Profile, StoreJson.Serialize(config), GridPlanner.Plan(config).Select(c => c.Id).ToList(), DateTimeOffset.UnixEpoch);
        return ReportBuilder.Build(run, config, [], withFigures: false, fidelity: fidelity);
    }

    [Test]
    public void Build_RunUsingXAndY_ListsTheirDeviationsAndNotZs()
    {
        var rows = Report(ProfileNames.Quick, Fidelity()).ComponentDeviations;
        var aspects = rows.Select(r => r.Aspect).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(aspects, Does.Contain("x-aspect").And.Contain("y-aspect"));
            Assert.That(aspects, Does.Not.Contain("z-aspect"));
            Assert.That(aspects, Does.Not.Contain("x-paper-only"), "a difference limited to the paper profile is not in force under quick");
            Assert.That(rows.Single(r => r.Aspect == "x-aspect").Deliberate, Is.EqualTo("no (issue 9)"));
            Assert.That(rows.Where(r => r.Component == "attack z-attack"), Is.Empty);
        });
    }

    [Test]
    public void Build_QuickRun_ListsTheProfileSettingsOfTheComponentsSections()
    {
        // x-attack reads section attacks.cw; quick sets steps 100 where the paper profile runs the default 1000.
        var rows = Report(ProfileNames.Quick, Fidelity()).ComponentDeviations;
        var steps = rows.Single(r => r.Component == "attack x-attack" && r.Aspect == "quick profile: attacks.cw.steps");
        Assert.Multiple(() =>
        {
            Assert.That((steps.Framework, steps.Paper, steps.Deliberate), Is.EqualTo(("100", "1000 (paper profile)", "profile")));
            Assert.That(rows.Where(r => r.Deliberate == "profile").Select(r => r.Component).Distinct(), Is.EqualTo(new[] { "attack x-attack" }),
                "only components with sections get profile rows");
        });
    }

    [Test]
    public void Build_PaperRun_HasNoProfileRows_AndThePaperOnlyDifference()
    {
        var rows = Report(ProfileNames.Paper, Fidelity()).ComponentDeviations;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Where(r => r.Deliberate == "profile"), Is.Empty);
            Assert.That(rows.Select(r => r.Aspect), Does.Contain("x-paper-only"));
        });
    }

    [Test]
    public void Build_ComponentWithoutARow_IsListedAsNoReferenceRecorded()
    {
        var rows = Report(ProfileNames.Quick, Fidelity()).ComponentDeviations;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Single(r => r.Component == "defense vanilla").Framework, Is.EqualTo(RunDeviations.NoReference));
            Assert.That(rows.Single(r => r.Component == "adversary pure-blackbox").Framework, Is.EqualTo(RunDeviations.NoReference));
        });
    }

    [Test]
    public void Render_Markdown_AndHtml_ShowTheRowsInTheDeviationsSection()
    {
        var model = Report(ProfileNames.Quick, Fidelity());
        var markdown = MarkdownReport.Render(model);
        var html = HtmlReport.Render(model);
        var section = markdown[markdown.IndexOf("## Deviations", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        Assert.Multiple(() =>
        {
            Assert.That(section, Does.Contain("| attack x-attack | x-aspect | f | p | s | no (issue 9) |"));
            Assert.That(section, Does.Not.Contain("z-aspect"));
            Assert.That(html, Does.Contain("table-deviations").And.Contain("<td>x-aspect</td>").And.Not.Contain("z-aspect"));
        });
    }

    [Test]
    public void Build_WithTheBuiltInCatalog_ListsEadAndEcocButNotCwOrBart()
    {
        var config = Config(ProfileNames.Quick) with { Defenses = ["ecoc"], Attacks = ["ead"], Adversaries = ["oracle-jacobian"], Q = [0.01] };
        var run = new RunRecord("fidelity", config.Name, config.Profile, StoreJson.Serialize(config), [], DateTimeOffset.UnixEpoch);
        var components = ReportBuilder.Build(run, config, [], withFigures: false).ComponentDeviations.Select(r => r.Component).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(components, Is.SupersetOf(new[] { "attack ead", "defense ecoc", "adversary oracle-jacobian", "backbone fashion-mnist", "protocol black-box-transfer" }));
            Assert.That(components, Has.None.StartsWith("attack cw").And.None.StartsWith("defense bart").And.None.StartsWith("pruner")
                .And.None.EqualTo("backbone cifar10").And.None.EqualTo("adversary pure-blackbox"));
        });
    }

    [Test]
    public void Of_PrunedVariant_AddsItsPruningMethod()
    {
        var cells = new[] { new GridCell(CellKinds.Clean, ProfileNames.Quick, "cifar10", "slr-0.8-irregular", "vanilla", 0, 10) };
        Assert.That(RunComponents.Of(cells).Select(c => $"{c.Kind} {c.Id}"),
            Is.EqualTo(new[] { "protocol black-box-transfer", "backbone cifar10", "defense vanilla", "pruner slr" }));
    }

    [Test]
    public void For_DatasetTheProfilesDoNotDefine_SaysNotComparedInsteadOfFailing()
    {
        var component = new RunComponent("attack", "x-attack", ["no-such-dataset"]);
        var rows = RunDeviations.For(Fidelity().Catalog, ProfileCatalog.Default(), ProfileNames.Quick, [component]);
        Assert.That(rows.Single(r => r.Aspect == "quick profile: attacks.cw").Framework, Is.EqualTo("not compared"));
    }
}
