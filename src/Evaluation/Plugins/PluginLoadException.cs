namespace Robustness.Evaluation.Plugins;

/// <summary>A --plugin assembly that cannot be loaded or registered; the message names the file.</summary>
public sealed class PluginLoadException(string message, Exception? inner = null) : Exception(message, inner);
