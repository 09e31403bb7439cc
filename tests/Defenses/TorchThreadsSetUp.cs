using NUnit.Framework;
using NUnit.Framework.Interfaces;
using TorchSharp;

[assembly: Robustness.Defenses.Tests.OneTorchThreadPerTestThread]

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

/// <summary>
/// OpenMP's thread count is per-thread state: setting it once, on whichever thread ran the set-up fixture, leaves a
/// test that NUnit runs on another worker thread with the default count (the cores), and a seeded fit then sums in
/// another order than on the first thread. Set before every fixture and test, on the thread that runs it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class OneTorchThreadPerTestThreadAttribute : Attribute, ITestAction
{
    public ActionTargets Targets => ActionTargets.Suite | ActionTargets.Test;

    public void BeforeTest(ITest test) => torch.set_num_threads(1);

    public void AfterTest(ITest test) { }
}
