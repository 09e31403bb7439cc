namespace Robustness.Core.Data;

/// <summary>A dataset file is missing, truncated or not in the expected format. The message names the file.</summary>
public sealed class DatasetFormatException(string file, string problem)
    : IOException($"{file}: {problem}")
{
    public string File { get; } = file;
}
