using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Web;

using HafizaIzmir.Archive.Derived;

namespace HafizaIzmir.Site.Derived;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>One record's place in the hierarchy, with what a breadcrumb or a children list shows.</summary>
public sealed record TreeNode(
    string Identifier, string? Parent, Level Level, string Title, string? TitleEn,
    WorkflowState State, bool IsPublic, string? Date)
{
    public static TreeNode From(Record r) => new(
        r.Identifier, r.Parent, r.Level, r.Title.Tr, r.Title.En, r.State, PublicationGate.IsPublic(r), r.Date?.Text);
}

/// <summary>
/// The fonds → series → file → item hierarchy of every record (identifier → parent, level, titles, state,
/// date, children in reference-code order), kept as one JSON file so pages need not walk blob storage.
/// Safe for concurrent readers while the journal follower applies changes.
/// </summary>
public sealed class RecordTree(string path) : IDerivedData
{
    public const string FileName = "record-tree.json";
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TreeNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _children = new(StringComparer.Ordinal);

    public string Name => "record tree";
    public string Path { get; } = path;

    public int Count { get { lock (_gate) return _nodes.Count; } }

    public TreeNode? Find(string identifier)
    {
        lock (_gate) return _nodes.GetValueOrDefault(identifier);
    }

    /// <summary>Children in reference-code order (all of them; callers filter with <see cref="TreeNode.IsPublic"/>).</summary>
    public IReadOnlyList<TreeNode> Children(string identifier)
    {
        lock (_gate)
        {
            return _children.TryGetValue(identifier, out var ids)
                ? ids.Select(id => _nodes.GetValueOrDefault(id)).OfType<TreeNode>().ToList()
                : [];
        }
    }

    /// <summary>Up to <paramref name="limit"/> nodes that match, in reference-code order (for pickers in the catalogue).</summary>
    public IReadOnlyList<TreeNode> Matching(Func<TreeNode, bool> match, int limit)
    {
        lock (_gate) return _nodes.Values.Where(match).OrderBy(n => n.Identifier, StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <summary>Ancestors from the outermost down to the direct parent; a cycle in bad data ends the walk.</summary>
    public IReadOnlyList<TreeNode> Ancestors(string identifier)
    {
        lock (_gate)
        {
            var chain = new List<TreeNode>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { identifier };
            var parent = _nodes.GetValueOrDefault(identifier)?.Parent;
            while (parent is not null && seen.Add(parent) && _nodes.TryGetValue(parent, out var node))
            {
                chain.Add(node);
                parent = node.Parent;
            }
            chain.Reverse();
            return chain;
        }
    }

    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return false;
        try
        {
            await using var stream = File.OpenRead(Path);
            var file = await JsonSerializer.DeserializeAsync<TreeFile>(stream, Json, ct);
            if (file is null || file.Format != Format) return false;
            lock (_gate)
            {
                Clear();
                foreach (var n in file.Nodes) Put(new TreeNode(n.Identifier, n.Parent, n.Level, n.Title, n.TitleEn, n.State, n.IsPublic, n.Date));
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public async Task RebuildAsync(Archive archive, IProgress<int> progress, CancellationToken ct)
    {
        lock (_gate) Clear();
        var count = 0;
        await foreach (var record in archive.ListRecordsAsync(ct))
        {
            lock (_gate) Put(TreeNode.From(record.Value));
            progress.Report(++count);
        }
        await SaveAsync(ct);
    }

    public Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        var identifier = change.RecordIdentifier;
        if (identifier is null) return Task.CompletedTask;
        lock (_gate)
        {
            Remove(identifier);
            if (change.Record is { } record) Put(TreeNode.From(record));
        }
        return Task.CompletedTask;
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        TreeFile file;
        lock (_gate)
        {
            var nodes = _nodes.Values.OrderBy(n => n.Identifier, StringComparer.Ordinal).Select(n => new StoredNode(
                n.Identifier, n.Parent, n.Level, n.Title, n.TitleEn, n.State, n.IsPublic, n.Date,
                _children.TryGetValue(n.Identifier, out var c) ? [.. c] : [])).ToList();
            file = new TreeFile(Format, nodes);
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Write beside and rename so a crash leaves either the old or the new file, never half of one.
        var temp = Path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, file, Json, ct);
        File.Move(temp, Path, overwrite: true);
    }

    private void Clear()
    {
        _nodes.Clear();
        _children.Clear();
    }

    private void Put(TreeNode node)
    {
        _nodes[node.Identifier] = node;
        if (node.Parent is null) return;
        if (!_children.TryGetValue(node.Parent, out var siblings))
            _children[node.Parent] = siblings = new SortedSet<string>(StringComparer.Ordinal);
        siblings.Add(node.Identifier);
    }

    private void Remove(string identifier)
    {
        if (!_nodes.Remove(identifier, out var old) || old.Parent is null) return;
        if (_children.TryGetValue(old.Parent, out var siblings) && siblings.Remove(identifier) && siblings.Count == 0)
            _children.Remove(old.Parent);
    }

    private sealed record TreeFile(int Format, List<StoredNode> Nodes);

    private sealed record StoredNode(
        string Identifier, string? Parent, Level Level, string Title, string? TitleEn,
        WorkflowState State, bool IsPublic, string? Date, List<string> Children);
}
