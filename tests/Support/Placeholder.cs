namespace Robustness.Testing;

/// <summary>Shared test helpers (tiny problems, generated dataset files) live in this project.</summary>
internal static class TestingAssembly;
