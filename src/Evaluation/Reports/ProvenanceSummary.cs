namespace Robustness.Evaluation.Reports;

/// <summary>The union of the cells' manifests: what data, weights, versions, seeds and devices the numbers came from.</summary>
public sealed record ProvenanceSummary(
    IReadOnlyDictionary<string, string> DataSha256, IReadOnlyDictionary<string, string> WeightSha256,
    IReadOnlyDictionary<string, string> Versions, IReadOnlyList<long> Seeds, IReadOnlyList<string> Devices, IReadOnlyList<string> Profiles);
