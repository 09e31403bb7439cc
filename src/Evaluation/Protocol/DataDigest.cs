using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Robustness.Core.Data;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Protocol;

/// <summary>SHA-256 of a data set's images and labels (dtype, shape, bytes), computed once per set object, for artefact keys.</summary>
internal static class DataDigest
{
    private static readonly ConditionalWeakTable<LabeledImages, string> Digests = new();

    public static string Of(LabeledImages data)
    {
        lock (Digests) return Digests.GetValue(data, d => Hash(d.Images) + ":" + Hash(d.Labels));
    }

    private static string Hash(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{cpu.dtype}[{string.Join(",", cpu.shape)}]"));
        hash.AppendData(cpu.bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
