namespace Robustness.Core.Contracts;

public enum PluginKind { Defense, Attack, Adversary, Pruner }

/// <summary>One registered plug-in: what it is, its stable id and the type implementing it.</summary>
public sealed record PluginDescriptor(PluginKind Kind, string Id, Type ImplementationType, string Description = "");
