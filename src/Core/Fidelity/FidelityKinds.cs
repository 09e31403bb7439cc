using Robustness.Core.Contracts;

namespace Robustness.Core.Fidelity;

/// <summary>The kinds of component a fidelity row describes: the plug-in kinds, plus the backbones and the protocol.</summary>
public static class FidelityKinds
{
    public const string Attack = "attack";
    public const string Adversary = "adversary";
    public const string Defense = "defense";
    public const string Pruner = "pruner";
    public const string Backbone = "backbone";
    public const string Protocol = "protocol";

    /// <summary>In the order the fidelity table lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Protocol, Backbone, Attack, Adversary, Defense, Pruner];

    public static string Of(PluginKind kind) => kind switch
    {
        PluginKind.Attack => Attack,
        PluginKind.Adversary => Adversary,
        PluginKind.Defense => Defense,
        PluginKind.Pruner => Pruner,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no fidelity kind for this plug-in kind"),
    };
}
