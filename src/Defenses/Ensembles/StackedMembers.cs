using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Ensembles;

/// <summary>
/// Several member networks trained jointly as one module: the output concatenates the members' outputs along
/// dimension 1, [N, members × outputsPerMember], so one <see cref="Core.Training.NetworkRequest"/> trains, caches and
/// (for pruned variants) prunes the whole ensemble, with the pruning scope applied to each member.
/// <see cref="Split(Tensor)"/> views it as [N, members, outputsPerMember].
/// </summary>
public sealed class StackedMembers : nn.Module<Tensor, Tensor>, IMemberEnsemble
{
    private readonly nn.Module<Tensor, Tensor>[] memberList;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> members;

    public StackedMembers(string name, IReadOnlyList<nn.Module<Tensor, Tensor>> members, int outputsPerMember) : base(name)
    {
        if (members.Count == 0) throw new ArgumentException($"{name}: an ensemble needs at least one member.", nameof(members));
        if (outputsPerMember <= 0) throw new ArgumentOutOfRangeException(nameof(outputsPerMember), outputsPerMember, $"{name}: outputs per member must be positive.");
        memberList = members.ToArray();
        this.members = nn.ModuleList(memberList);
        OutputsPerMember = outputsPerMember;
        RegisterComponents();
    }

    public int MemberCount => memberList.Length;
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Members => memberList;
    public int OutputsPerMember { get; }

    public override Tensor forward(Tensor input) => cat(memberList.Select(m => m.call(input)).ToArray(), 1);

    /// <summary>Views a concatenated output [N, M·K] as [N, M, K].</summary>
    public Tensor Split(Tensor output) => Split(output, MemberCount, OutputsPerMember, GetName());

    /// <summary>Views a concatenated output [N, M·K] of <paramref name="memberCount"/> members as [N, M, K] (for losses built before the module).</summary>
    public static Tensor Split(Tensor output, int memberCount, int outputsPerMember, string name = "stacked members")
    {
        if (output.dim() != 2 || output.shape[1] != (long)memberCount * outputsPerMember)
            throw new ArgumentException($"{name}: expected output [N,{memberCount * outputsPerMember}], got [{string.Join(",", output.shape)}].", nameof(output));
        return output.view(output.shape[0], memberCount, outputsPerMember);
    }
}
