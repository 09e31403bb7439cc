namespace Robustness.Evaluation.Store;

/// <summary>How a command uses a results store: reading a store that must already exist (report), or running into it.</summary>
public enum StoreAccess
{
    ReadWrite,
    ReadOnly,
}
