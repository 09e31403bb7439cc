namespace Robustness.Evaluation.Grid;

/// <summary>A grid config that cannot be used; the message names the file and the field at fault.</summary>
public sealed class GridConfigException(string message, Exception? inner = null) : Exception(message, inner);
