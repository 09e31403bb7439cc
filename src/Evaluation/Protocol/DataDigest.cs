using System.Runtime.CompilerServices;
using Robustness.Core.Data;
using Robustness.Core.Training;

namespace Robustness.Evaluation.Protocol;

/// <summary>SHA-256 of a data set's images and labels (dtype, shape, bytes), computed once per set object, for artefact keys.</summary>
internal static class DataDigest
{
    private static readonly ConditionalWeakTable<LabeledImages, string> Digests = new();

    public static string Of(LabeledImages data)
    {
        lock (Digests) return Digests.GetValue(data, d => TensorHash.Sha256(d.Images) + ":" + TensorHash.Sha256(d.Labels));
    }
}
