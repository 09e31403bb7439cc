using NUnit.Framework;
using NUnit.Framework.Interfaces;
using TorchSharp;

namespace Robustness.Testing;

/// <summary>
/// Apply as <c>[assembly: OneTorchThreadPerTest]</c>: one intra-op torch thread for every fixture and test, set on
/// the thread that runs it. OpenMP's thread count is per-thread state, so a count set once in a set-up fixture
/// holds only on the worker thread that ran that fixture; a test NUnit runs on another worker keeps the default
/// (the cores), sums in another order, and on a loaded machine spins many times slower.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class OneTorchThreadPerTestAttribute : Attribute, ITestAction
{
    public ActionTargets Targets => ActionTargets.Suite | ActionTargets.Test;

    public void BeforeTest(ITest test) => torch.set_num_threads(1);

    public void AfterTest(ITest test) { }
}
