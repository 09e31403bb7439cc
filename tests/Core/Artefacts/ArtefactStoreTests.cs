using System.Text.Json.Nodes;
using NUnit.Framework;
using Robustness.Core.Artefacts;

namespace Robustness.Core.Tests.Artefacts;

public sealed class ArtefactStoreTests
{
    private string root = "";

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("store-tests-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    private static ArtefactManifest Manifest(string hash) => new() { Hash = hash, Key = new JsonObject { ["a"] = 1 }, Seed = 3 };

    [Test]
    public void HashOf_FieldOrder_DoesNotMatter()
    {
        var a = new JsonObject { ["x"] = 1, ["y"] = new JsonObject { ["p"] = "q", ["b"] = 2 } };
        var b = new JsonObject { ["y"] = new JsonObject { ["b"] = 2, ["p"] = "q" }, ["x"] = 1 };
        Assert.That(ArtefactStore.HashOf(a), Is.EqualTo(ArtefactStore.HashOf(b)));
        Assert.That(ArtefactStore.HashOf(a), Is.Not.EqualTo(ArtefactStore.HashOf(new JsonObject { ["x"] = 2 })));
        Assert.That(ArtefactStore.HashOf(a), Has.Length.EqualTo(64));
    }

    [Test]
    public void Commit_ThenOpen_RoundTripsManifestAndFileHashes()
    {
        var store = new ArtefactStore(root);
        var hash = ArtefactStore.HashOf(new JsonObject { ["k"] = "v" });
        store.Commit(Manifest(hash), dir => File.WriteAllText(Path.Combine(dir, "weights.bin"), "payload"));
        Assert.That(store.Exists(hash), Is.True);
        var opened = store.Open(hash);
        Assert.That(opened.Seed, Is.EqualTo(3));
        Assert.That(opened.Files.Keys, Is.EquivalentTo(new[] { "weights.bin" }));
        Assert.That(opened.Files["weights.bin"], Is.EqualTo(ArtefactStore.FileSha256(store.FilePath(hash, "weights.bin"))));
    }

    [Test]
    public void Open_CorruptFile_ThrowsNamingTheFile()
    {
        var store = new ArtefactStore(root);
        var hash = ArtefactStore.HashOf(new JsonObject { ["k"] = "corrupt" });
        store.Commit(Manifest(hash), dir => File.WriteAllText(Path.Combine(dir, "weights.bin"), "payload"));
        File.WriteAllText(store.FilePath(hash, "weights.bin"), "tampered");
        Assert.That(() => store.Open(hash), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("weights.bin").And.Message.Contains("corrupt"));
    }

    [Test]
    public void Commit_WriterCrashes_LeavesNoArtefactAndNoStaging()
    {
        var store = new ArtefactStore(root);
        var hash = ArtefactStore.HashOf(new JsonObject { ["k"] = "crash" });
        Assert.Throws<IOException>(() => store.Commit(Manifest(hash), dir =>
        {
            File.WriteAllText(Path.Combine(dir, "half.bin"), "half");
            throw new IOException("disk full");
        }));
        Assert.That(store.Exists(hash), Is.False);
        Assert.That(Directory.Exists(store.PathOf(hash)), Is.False);
        Assert.That(Directory.GetDirectories(Path.Combine(root, "staging")), Is.Empty);
    }

    [Test]
    public void Lock_HeldByOneOwner_IsRefusedToAnother()
    {
        var store = new ArtefactStore(root);
        var hash = ArtefactStore.HashOf(new JsonObject { ["k"] = "lock" });
        using (store.Lock(hash))
        {
            Assert.That(() => store.Lock(hash, TimeSpan.Zero), Throws.InstanceOf<TimeoutException>());
        }
        using var again = store.Lock(hash, TimeSpan.Zero);
        Assert.That(again, Is.Not.Null);
    }

    [Test]
    public void ResolveRoot_NoOption_UsesEnvironmentThenWorkingDirectory()
    {
        var saved = Environment.GetEnvironmentVariable(ArtefactStore.EnvironmentVariable);
        try
        {
            Assert.That(ArtefactStore.ResolveRoot("/x/opt"), Is.EqualTo("/x/opt"));
            Environment.SetEnvironmentVariable(ArtefactStore.EnvironmentVariable, "/x/env");
            Assert.That(ArtefactStore.ResolveRoot(null), Is.EqualTo("/x/env"));
            Environment.SetEnvironmentVariable(ArtefactStore.EnvironmentVariable, null);
            Assert.That(ArtefactStore.ResolveRoot(null), Is.EqualTo(Path.Combine(Environment.CurrentDirectory, ".artefacts")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ArtefactStore.EnvironmentVariable, saved);
        }
    }
}
