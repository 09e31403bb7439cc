namespace Robustness.Core.Data;

public enum DatasetSplit { Train, Test }
