namespace HafizaIzmir.Indexer.Hosting;

/// <summary>
/// Records whose search documents must be written again because something they carry changed elsewhere
/// (an authority's names, an enclosing level's title or place in the tree), in the order they were
/// asked for and each once. It is saved beside the index with every commit, so work that a crash cut
/// short is resumed instead of being forgotten behind a journal position that has already moved on.
/// Not thread-safe: its owner serialises access.
/// </summary>
internal sealed class ReindexBacklog(string path)
{
    private readonly LinkedList<string> _order = new();
    private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);

    public int Count => _order.Count;

    public void Add(IEnumerable<string> identifiers)
    {
        foreach (var identifier in identifiers)
            if (!_nodes.ContainsKey(identifier)) _nodes[identifier] = _order.AddLast(identifier);
    }

    /// <summary>Up to <paramref name="count"/> identifiers from the front, without removing them.</summary>
    public List<string> Peek(int count) => [.. _order.Take(count)];

    public void Remove(IEnumerable<string> identifiers)
    {
        foreach (var identifier in identifiers)
            if (_nodes.Remove(identifier, out var node)) _order.Remove(node);
    }

    public void Clear()
    {
        _order.Clear();
        _nodes.Clear();
    }

    /// <summary>Reads what a previous run left.</summary>
    /// <exception cref="IOException">The file exists but can't be read: the index can't be trusted to be complete.</exception>
    public void Load()
    {
        Clear();
        if (File.Exists(path)) Add(File.ReadAllLines(path).Where(l => l.Length > 0));
    }

    public void Save()
    {
        if (Count == 0)
        {
            File.Delete(path);
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllLines(temp, _order);
        File.Move(temp, path, overwrite: true);
    }
}
