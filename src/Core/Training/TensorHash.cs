using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>SHA-256 of a tensor's dtype, shape and contiguous CPU bytes (data hashes in artefact keys and manifests).</summary>
internal static class TensorHash
{
    public static string Sha256(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{cpu.dtype}[{string.Join(",", cpu.shape)}]"));
        hash.AppendData(cpu.bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
