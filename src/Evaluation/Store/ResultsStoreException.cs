namespace Robustness.Evaluation.Store;

/// <summary>A results store that cannot be used (corrupt, wrong schema, unreachable); the message names it.</summary>
public sealed class ResultsStoreException(string message, Exception? inner = null) : Exception(message, inner);
