using TorchSharp;

namespace Robustness.Pruning.Tests;

/// <summary>
/// One torch thread for the whole test assembly: on the shared 2-core machine, intra-op threads of many test
/// processes oversubscribe the cores and spin; one thread each is much faster overall.
/// </summary>
[SetUpFixture]
public sealed class SingleThreadedTorch
{
    [OneTimeSetUp]
    public void UseOneThread() => torch.set_num_threads(1);
}
