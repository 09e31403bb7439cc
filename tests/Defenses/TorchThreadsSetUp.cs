using NUnit.Framework;
using TorchSharp;

namespace Robustness.Defenses.Tests;

/// <summary>
/// Assembly-wide (root namespace): one intra-op torch thread for every defense test. The machine is shared by many
/// builds; OpenMP oversubscription slows small fits by orders of magnitude.
/// </summary>
[SetUpFixture]
public sealed class TorchThreadsSetUp
{
    [OneTimeSetUp]
    public void UseOneThread() => torch.set_num_threads(1);
}
