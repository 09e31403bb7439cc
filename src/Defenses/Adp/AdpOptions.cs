using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.Adp;

/// <summary>
/// Adaptive Diversity Promoting training (Pang, Xu, Du, Chen, Zhu — "Improving Adversarial Robustness via Promoting
/// Ensemble Diversity", ICML 2019), the ADP<sub>2,0.5</sub> setting. Profile overrides: section "defenses.adp".
/// </summary>
public sealed record AdpOptions : IDefenseOptions
{
    /// <summary>Ensemble members trained jointly (paper: 3).</summary>
    public int Members { get; init; } = 3;

    /// <summary>Weight α of the ensemble entropy H(mean prediction) (paper: 2).</summary>
    public double Alpha { get; init; } = 2.0;

    /// <summary>Weight β of the log ensemble diversity log(ED) (paper: 0.5).</summary>
    public double Beta { get; init; } = 0.5;

    /// <summary>ε of log det(M̃ᵀM̃ + ε·I), which keeps the log finite when members agree (paper's code: 1e-6).</summary>
    public double LogDetEpsilon { get; init; } = 1e-6;

    /// <summary>Offset inside the entropy's logarithm (paper's code: 1e-20).</summary>
    public double LogEpsilon { get; init; } = 1e-20;

    /// <summary>Zoo id of each member; null = the profile's backbone (the paper uses the backbone family).</summary>
    public string? MemberArchitecture { get; init; }

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (Members < 2) throw new ArgumentOutOfRangeException(nameof(Members), Members, "defenses.adp.members must be at least 2 (diversity needs two members).");
        if (Alpha < 0) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "defenses.adp.alpha must be >= 0.");
        if (Beta < 0) throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "defenses.adp.beta must be >= 0.");
        if (LogDetEpsilon <= 0) throw new ArgumentOutOfRangeException(nameof(LogDetEpsilon), LogDetEpsilon, "defenses.adp.logDetEpsilon must be > 0.");
    }
}
