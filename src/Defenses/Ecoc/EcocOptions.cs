using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.Ecoc;

/// <summary>
/// Error-correcting output codes (Verma &amp; Swami, "Error Correcting Output Codes Improve Probability Estimation and
/// Adversarial Robustness of Deep Neural Networks", NeurIPS 2019), the TanhEns32 model. Profile overrides: "defenses.ecoc".
/// </summary>
public sealed record EcocOptions : IDefenseOptions
{
    /// <summary>Code length: bits per codeword, the order of the Sylvester Hadamard matrix (paper: 32).</summary>
    public int CodeLength { get; init; } = 32;

    /// <summary>Sub-networks sharing the bits; each predicts CodeLength / Networks bits (paper: 4 × 8).</summary>
    public int Networks { get; init; } = 4;

    /// <summary>Floor inside the decoding's log: logits = log(max(tanh(z)·C_k, 0) + floor) (paper's code: 1e-6).</summary>
    public double DecodingFloor { get; init; } = 1e-6;

    /// <summary>
    /// Training epochs of the sub-networks; null = the profile's backbone recipe. The smoke profile raises it: with
    /// 32 distinct dichotomies and no duplicated bits, a handful of steps leaves the decoded label near chance.
    /// </summary>
    public int? Epochs { get; init; }

    /// <summary>Zoo id of each sub-network; null = the profile's backbone.</summary>
    public string? NetworkArchitecture { get; init; }

    public int BitsPerNetwork => CodeLength / Networks;

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (CodeLength < 2 || (CodeLength & (CodeLength - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(CodeLength), CodeLength, "defenses.ecoc.codeLength must be a power of two (Sylvester Hadamard code).");
        if (Networks < 1 || CodeLength % Networks != 0)
            throw new ArgumentOutOfRangeException(nameof(Networks), Networks, $"defenses.ecoc.networks must divide codeLength {CodeLength}.");
        if (Epochs is < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "defenses.ecoc.epochs must be >= 1.");
        if (DecodingFloor <= 0) throw new ArgumentOutOfRangeException(nameof(DecodingFloor), DecodingFloor, "defenses.ecoc.decodingFloor must be > 0.");
    }
}
