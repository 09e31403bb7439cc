using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Samples.ExternalDefense;

/// <summary>
/// Sample plug-in defense: a mean filter in front of a small CNN the plug-in trains itself (input smoothing, a
/// classic pre-processing defense). Shows everything a plug-in needs: an id, traits, a seeded Fit, Predict.
/// </summary>
public sealed class BlurDefense(BlurDefenseOptions options) : IDefense
{
    public const string DefenseId = "sample-blur";
    private nn.Module<Tensor, Tensor>? network;

    public string Id => DefenseId;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: 1);

    public void Fit(DefenseContext context)
    {
        network?.Dispose();
        torch.manual_seed(context.Seed);
        var d = context.Dataset;
        network = nn.Sequential(
            nn.Conv2d(d.Channels, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * (d.Height / 4) * (d.Width / 4), d.NumClasses));
        network.to(context.Device);
        using var optimizer = optim.Adam(network.parameters(), options.LearningRate);
        var count = Math.Min(options.TrainExamples, context.Train.Count);
        var generator = new Generator((ulong)context.Seed);
        network.train();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var order = randperm(count, generator: generator);
            for (var start = 0; start < count; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(options.BatchSize, count - start));
                var images = context.Train.Images.index_select(0, index).to(context.Device);
                var labels = context.Train.Labels.index_select(0, index).to(context.Device);
                optimizer.zero_grad();
                nn.functional.cross_entropy(network.call(Blur(images)), labels).backward();
                optimizer.step();
            }
        }
        network.eval();
    }

    public Tensor Predict(Tensor images)
    {
        var fitted = network ?? throw new InvalidOperationException($"{DefenseId}: Fit must be called before Predict.");
        using var noGrad = no_grad();
        var device = fitted.parameters().First().device;
        return fitted.call(Blur(images.to(device))).argmax(1).cpu();
    }

    private Tensor Blur(Tensor images) =>
        nn.functional.avg_pool2d(images, options.KernelSize, stride: 1, padding: options.KernelSize / 2, count_include_pad: false);

    public void Dispose() => network?.Dispose();
}
