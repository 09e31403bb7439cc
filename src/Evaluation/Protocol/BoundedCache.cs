namespace Robustness.Evaluation.Protocol;

/// <summary>
/// The last <c>capacity</c> objects used, by key; the least recently used one is evicted (and disposed when it is
/// <see cref="IDisposable"/>) to make room. Cells run one at a time, so an object is never evicted while in use.
/// </summary>
internal sealed class BoundedCache<T>(int capacity) : IDisposable where T : class
{
    private readonly LinkedList<(string Key, T Value)> order = new();

    public int Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "cache capacity must be >= 1.");

    public int Count => order.Count;

    public bool TryGet(string key, out T value)
    {
        for (var node = order.First; node is not null; node = node.Next)
        {
            if (node.Value.Key != key) continue;
            order.Remove(node);
            order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
        value = null!;
        return false;
    }

    public bool Contains(string key) => order.Any(e => e.Key == key);

    public void Add(string key, T value)
    {
        if (Contains(key)) throw new InvalidOperationException($"cache already holds '{key}'.");
        order.AddFirst((key, value));
        while (order.Count > Capacity)
        {
            var evicted = order.Last!.Value.Value;
            order.RemoveLast();
            (evicted as IDisposable)?.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var (_, value) in order) (value as IDisposable)?.Dispose();
        order.Clear();
    }
}
