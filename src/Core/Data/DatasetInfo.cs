namespace Robustness.Core.Data;

/// <summary>Shape, classes and channel statistics of a dataset (the statistics feed the models' own normalisation).</summary>
public sealed record DatasetInfo(
    string Id, int Channels, int Height, int Width, int NumClasses,
    float[] Mean, float[] Std, IReadOnlyList<string> ClassNames)
{
    public static readonly DatasetInfo Cifar10 = new(
        DatasetIds.Cifar10, 3, 32, 32, 10, [0.4914f, 0.4822f, 0.4465f], [0.2470f, 0.2435f, 0.2616f],
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]);

    public static readonly DatasetInfo FashionMnist = new(
        DatasetIds.FashionMnist, 1, 28, 28, 10, [0.2860f], [0.3530f],
        ["t-shirt/top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"]);

    public static DatasetInfo FromId(string id) => id switch
    {
        DatasetIds.Cifar10 => Cifar10,
        DatasetIds.FashionMnist => FashionMnist,
        _ => throw new ArgumentException($"Unknown dataset '{id}'. Known: {DatasetIds.Cifar10}, {DatasetIds.FashionMnist}.", nameof(id)),
    };
}
