using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Tests.Support;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Grid;

public sealed class FittedDefensesTests
{
    private sealed class CountingDefense : FakeDefense
    {
        public static int Fits;
        public static int Disposals;
        public override string Id => "fake-counting";
        public override IFittedDefense Fit(DefenseContext context)
        {
            Interlocked.Increment(ref Fits);
            return this;
        }
        public override Tensor Predict(Tensor images) => Decode(images);
        public override void Release() => Interlocked.Increment(ref Disposals);
    }

    [Test]
    public void Get_SameBlockTwiceThenNextSeed_FitsOnceAndReleasesThePreviousBlock()
    {
        using var services = new ServiceCollection().AddDefense<CountingDefense>("fake-counting").BuildServiceProvider();
        var environment = new EvaluationEnvironment(ProfileCatalog.Default(), null, Path.GetTempPath(), CPU);
        using var defenses = new FittedDefenses(services, environment, new UnavailableNetworkTrainerProvider(), (_, _, limit) => CodedData.Create(20));
        var cell = new GridCell(CellKinds.Clean, "smoke", "fashion-mnist", "dense", "fake-counting", 0, 10);
        (CountingDefense.Fits, CountingDefense.Disposals) = (0, 0);

        var first = defenses.Get(cell);
        var again = defenses.Get(cell with { Kind = CellKinds.Noise });
        var fitsInBlock = CountingDefense.Fits;
        defenses.Get(cell with { Seed = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.SameAs(first));
            Assert.That(fitsInBlock, Is.EqualTo(1));
            Assert.That(CountingDefense.Fits, Is.EqualTo(2));
            Assert.That(CountingDefense.Disposals, Is.EqualTo(1), "seed 0's defense released when seed 1 starts");
        });
    }
}
