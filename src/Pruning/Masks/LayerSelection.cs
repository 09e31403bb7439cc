using Robustness.Core.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robustness.Pruning.Masks;

/// <summary>
/// Finds the convolution and linear layers of a network and applies a <see cref="PruningScope"/>; in an
/// <see cref="IMemberEnsemble"/> the first-convolution and classifier rules apply to each member.
/// </summary>
public static class LayerSelection
{
    /// <summary>Every Conv2d and Linear weight, in module order.</summary>
    public static IReadOnlyList<(string Name, Parameter Weight)> WeightLayers(nn.Module module)
    {
        var layers = new List<(string, Parameter)>();
        foreach (var (name, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv2d conv when conv.weight is { } w: layers.Add((name, w)); break;
                case Linear linear when linear.weight is { } w: layers.Add((name, w)); break;
            }
        }
        return layers;
    }

    /// <summary>The prunable layers with their ratios; every excluded layer is left out.</summary>
    public static IReadOnlyList<PrunableLayer> Select(nn.Module module, double ratio, PruningScope scope)
    {
        var all = WeightLayers(module);
        var excluded = Excluded(module, all, scope);
        foreach (var name in scope.Exclude.Concat(scope.LayerRatios.Keys))
            if (all.All(l => l.Name != name))
                throw new ArgumentException($"Pruning scope names layer '{name}', which the network does not have. Layers: {string.Join(", ", all.Select(l => l.Name))}.");
        var selected = all
            .Where(l => !excluded.Contains(l.Name))
            .Select(l => new PrunableLayer(l.Name, l.Weight, scope.LayerRatios.GetValueOrDefault(l.Name, ratio)))
            .ToList();
        foreach (var layer in selected)
            if (double.IsNaN(layer.Ratio) || layer.Ratio is < 0 or > 1)
                throw new ArgumentOutOfRangeException(nameof(ratio), layer.Ratio, $"pruning ratio of layer '{layer.Name}' must be in [0, 1]");
        return selected;
    }

    /// <summary>Names of the convolution/linear layers the scope keeps dense.</summary>
    public static IReadOnlySet<string> Excluded(nn.Module module, PruningScope scope) => Excluded(module, WeightLayers(module), scope);

    private static HashSet<string> Excluded(nn.Module module, IReadOnlyList<(string Name, Parameter Weight)> all, PruningScope scope)
    {
        var excluded = new HashSet<string>(scope.Exclude);
        foreach (var network in Networks(module, all))
        {
            var convolutions = network.Where(l => l.Weight.dim() == 4).ToList();
            if (scope.ExcludeFirstConvolution && convolutions.Count > 0) excluded.Add(convolutions[0].Name);
            if (scope.ExcludeShortcuts)
                foreach (var c in convolutions.Where(c => c.Weight.shape[2] == 1 && c.Weight.shape[3] == 1)) excluded.Add(c.Name);
            var linears = network.Where(l => l.Weight.dim() == 2).ToList();
            if (scope.ExcludeClassifier && linears.Count > 0) excluded.Add(linears[^1].Name);
        }
        return excluded;
    }

    /// <summary>The layers per network the scope's rules apply to: each member of an ensemble (plus any layers outside the members), else the whole module.</summary>
    private static IEnumerable<List<(string Name, Parameter Weight)>> Networks(nn.Module module, IReadOnlyList<(string Name, Parameter Weight)> all)
    {
        if (module is not IMemberEnsemble ensemble)
        {
            yield return all.ToList();
            yield break;
        }
        var prefixes = ensemble.Members.Select(member => MemberName(module, member) + ".").ToList();
        foreach (var prefix in prefixes) yield return all.Where(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var outside = all.Where(l => !prefixes.Any(p => l.Name.StartsWith(p, StringComparison.Ordinal))).ToList();
        if (outside.Count > 0) yield return outside;
    }

    private static string MemberName(nn.Module module, nn.Module member) =>
        module.named_modules().FirstOrDefault(m => ReferenceEquals(m.module, member)).name
        ?? throw new ArgumentException($"Ensemble '{module.GetName()}' lists a member that is not one of its submodules.", nameof(module));

    public static Parameter Find(nn.Module module, string name) =>
        WeightLayers(module).FirstOrDefault(l => l.Name == name).Weight
        ?? throw new ArgumentException($"The network has no convolution or linear layer named '{name}'.", nameof(name));
}
