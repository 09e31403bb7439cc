using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>
/// One module made of independent member networks run side by side (ADP, ECOC train theirs jointly as one
/// network). Policies defined for a single network, such as which layers pruning keeps dense, apply to each member.
/// </summary>
public interface IMemberEnsemble
{
    /// <summary>The members, each a submodule of this module.</summary>
    IReadOnlyList<nn.Module<Tensor, Tensor>> Members { get; }
}
