using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Support;

/// <summary>Members side by side, outputs concatenated (the shape of the ADP/ECOC stacked ensembles): "members.i.*".</summary>
public sealed class TinyEnsemble : nn.Module<Tensor, Tensor>, IMemberEnsemble
{
    private readonly nn.Module<Tensor, Tensor>[] memberList;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> members;

    public TinyEnsemble(int count, int channels = 3) : base("tiny-ensemble")
    {
        memberList = Enumerable.Range(0, count).Select(i => TinyNetworks.Cnn(channels, seed: i)).ToArray();
        members = nn.ModuleList(memberList);
        RegisterComponents();
    }

    public IReadOnlyList<nn.Module<Tensor, Tensor>> Members => memberList;

    public override Tensor forward(Tensor input) => cat(memberList.Select(m => m.call(input)).ToArray(), 1);
}
