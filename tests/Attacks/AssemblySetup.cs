using TorchSharp;

namespace Robustness.Attacks.Tests;

/// <summary>Tests run on tiny tensors: one intra-op thread avoids spin-waiting on a shared machine.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeSetUp]
    public void SingleThread() => torch.set_num_threads(1);
}
