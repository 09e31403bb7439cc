using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// One unit of work of an evaluation grid. <see cref="Id"/> is a hash of every field, so the same cell has the
/// same id in every run, process and machine (resume, nightly comparisons and scale-out all key on it).
/// </summary>
/// <param name="Points">Attacked (or scored) test points.</param>
/// <param name="Epsilon">Noise cells: the L∞ radius. Other kinds: null (the attack's own ε, scaled by <see cref="EpsilonScale"/>).</param>
/// <param name="EpsilonScale">Multiplies the attack's ε (checklist: success monotone in ε).</param>
/// <param name="IterationScale">Multiplies the attack's iterations (checklist: doubling iterations changes little).</param>
public sealed record GridCell(
    string Kind, string Profile, string Dataset, string Variant, string Defense, long Seed, int Points,
    string? Adversary = null, double? Q = null, string? Attack = null, string? Goal = null,
    double? Epsilon = null, double EpsilonScale = 1, double IterationScale = 1)
{
    public string Id => IdOf(this);

    /// <summary>The fields every defense shares (defense excluded): pure black-box examples are reused across them.</summary>
    public string SharedKey => string.Join('|', Kind, Profile, Dataset, Variant, Seed, Points, Adversary, Num(Q), Attack, Goal, Num(Epsilon), Num(EpsilonScale), Num(IterationScale));

    /// <summary>Short human description for progress displays and reports.</summary>
    public string Describe() => Kind switch
    {
        CellKinds.Clean => $"{Dataset}/{Variant} {Defense} clean s{Seed}",
        CellKinds.Noise => $"{Dataset}/{Variant} {Defense} noise ε={Num(Epsilon)} s{Seed}",
        CellKinds.WhiteBox => $"{Dataset}/{Variant} {Defense} white-box {Attack} {Goal} s{Seed}",
        _ => $"{Dataset}/{Variant} {Defense} {Kind} {Adversary ?? "-"} q={Num(Q)} {Attack} {Goal}{Scales} s{Seed}",
    };

    private string Scales => (EpsilonScale, IterationScale) switch
    {
        (1, 1) => "",
        _ => $" ε×{Num(EpsilonScale)} it×{Num(IterationScale)}",
    };

    private static string IdOf(GridCell c)
    {
        var canonical = string.Join('\n', "v1", c.Kind, c.Profile, c.Dataset, c.Variant, c.Defense, c.Seed, c.Points,
            c.Adversary, Num(c.Q), c.Attack, c.Goal, Num(c.Epsilon), Num(c.EpsilonScale), Num(c.IterationScale));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static string Num(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
