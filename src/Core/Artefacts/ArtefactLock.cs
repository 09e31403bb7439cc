namespace Robustness.Core.Artefacts;

/// <summary>
/// An exclusive, cross-process lock on one artefact key: a lock file opened with FileShare.None (flock on Unix),
/// released on dispose or when the process dies, so two processes never train the same artefact at once.
/// </summary>
public sealed class ArtefactLock : IDisposable
{
    private readonly FileStream stream;

    private ArtefactLock(FileStream stream) => this.stream = stream;

    public static ArtefactLock Acquire(string path, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new ArtefactLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Artefact lock '{path}' is held by another process (waited {timeout.TotalSeconds:F0} s).", e);
            }
        }
    }

    /// <summary>The lock if it is free now, else null.</summary>
    public static ArtefactLock? TryAcquire(string path)
    {
        try
        {
            return Acquire(path, TimeSpan.Zero);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
