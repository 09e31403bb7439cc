using NUnit.Framework;
using TorchSharp;

namespace Robustness.Defenses.Tests.Support;

/// <summary>
/// Tests run on a shared 2-core machine: one intra-op thread avoids OpenMP oversubscription, which slows
/// the tiny fits by orders of magnitude when the machine is loaded.
/// </summary>
[SetUpFixture]
public sealed class SingleThreadedTorch
{
    [OneTimeSetUp]
    public void UseOneThread() => torch.set_num_threads(1);
}
