using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Defenses.ComDefend;
using Robustness.Defenses.Tests.InputTransformSupport;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.ComDefend;

/// <summary>
/// Issue 18, item 10: a seeded ComDefend training gives the same network whatever runs beside it in the process —
/// other seeded trainings, and code reseeding and drawing from torch's global generator.
/// </summary>
public sealed class ComDefendDeterminismTests
{
    [Test]
    public void Train_TwoSeededTrainingsBesideGlobalGeneratorTraffic_EachEqualsTheTrainingRunAlone()
    {
        var dataset = DatasetInfo.FashionMnist with { Height = 12, Width = 12 };
        using var train = SmoothSyntheticData.Create(dataset, 48, seed: 5);
        var options = ProfileCatalog.Default().Get(ProfileNames.Smoke, dataset.Id).Section("defenses.comdefend", new ComDefendOptions()) with { Epochs = 1 };

        var alone = OnOwnThread(() => Train(dataset, train, options));
        using var done = new CountdownEvent(2);
        var traffic = new Thread(() =>
        {
            for (var i = 0; !done.IsSet; i++)
            {
                manual_seed(i);
                using var drawn = randn(256);
            }
        });
        traffic.Start();
        float[]? first = null, second = null;
        var a = new Thread(() => { first = Train(dataset, train, options); done.Signal(); });
        var b = new Thread(() => { second = Train(dataset, train, options); done.Signal(); });
        a.Start();
        b.Start();
        a.Join();
        b.Join();
        traffic.Join();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(alone), "first concurrent training");
            Assert.That(second, Is.EqualTo(alone), "second concurrent training");
        });
    }

    private static float[] Train(DatasetInfo dataset, LabeledImages data, ComDefendOptions options)
    {
        set_num_threads(1); // per thread: OpenMP's thread count is thread state
        using var model = new ComDefendAutoencoder(dataset.Channels, options, seed: 7);
        new Trainer { Recipe = options.Recipe(), Seed = 7, Loss = ComDefendLoss.Create(options.SparsityWeight) }.Train(model, data);
        using var noGrad = no_grad();
        return cat(model.parameters().Select(p => p.detach().flatten()).ToList(), 0).data<float>().ToArray();
    }

    private static T OnOwnThread<T>(Func<T> body)
    {
        T result = default!;
        var thread = new Thread(() => result = body());
        thread.Start();
        thread.Join();
        return result;
    }
}
