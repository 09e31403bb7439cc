// Tiny tensors and a shared machine: one intra-op torch thread, set before every fixture and test on the thread that
// runs it (a count set once in a set-up fixture holds only on that fixture's worker thread).
[assembly: Robustness.Testing.OneTorchThreadPerTest]
