namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Names the oracle inside an oracle adversary's surrogate artefact key: the defense as fitted (id, profile, dataset,
/// seed, backbone variant) plus the content hash of every network it was fitted with. The grid and the adversary
/// command build it here, so a surrogate trained by one is reused by the other.
/// </summary>
public static class OracleKey
{
    public static string Of(string defense, string profile, string dataset, long seed, string variant, IReadOnlyDictionary<string, string> weights) =>
        string.Join('|', defense, profile, dataset, seed, variant,
            string.Join(',', weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value}")));
}
