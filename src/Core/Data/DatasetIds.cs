namespace Robustness.Core.Data;

public static class DatasetIds
{
    public const string Cifar10 = "cifar10";
    public const string FashionMnist = "fashion-mnist";
    public static readonly IReadOnlyList<string> All = [Cifar10, FashionMnist];
}
