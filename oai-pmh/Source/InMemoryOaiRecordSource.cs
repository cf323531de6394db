namespace HafizaIzmir.Oai.Source;

/// <summary>
/// An <see cref="IOaiRecordSource"/> over items held in memory (tests, small demos). It keeps the
/// protocol's promises honestly: only published or deleted records, sorted by (datestamp, identifier),
/// real filtering. <see cref="Put"/> replaces an item, which is how a change during a harvest looks.
/// </summary>
public sealed class InMemoryOaiRecordSource : IOaiRecordSource
{
    private readonly Dictionary<string, OaiItem> _items = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public InMemoryOaiRecordSource(IEnumerable<OaiItem> items)
    {
        foreach (var item in items) Put(item);
    }

    /// <summary>Adds or replaces an item; a draft or in-review record that is not deleted is not disseminated.</summary>
    public void Put(OaiItem item)
    {
        if (item.Datestamp.Offset != TimeSpan.Zero || item.Datestamp.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentException($"datestamp of {item.Identifier} must be UTC with whole seconds, got {item.Datestamp:O}", nameof(item));
        lock (_gate) _items[item.Identifier] = item;
    }

    private List<OaiItem> Visible()
    {
        lock (_gate)
            return _items.Values.Where(i => i.Deleted || i.Record.IsPublished).OrderBy(i => i.Position).ToList();
    }

    public IAsyncEnumerable<OaiItem> ListAsync(OaiQuery query, OaiPosition? after, int limit, bool metadata, CancellationToken ct) =>
        Visible().Where(i => (after is null || i.Position > after.Value) && query.Matches(i)).Take(limit).ToAsyncEnumerable();

    public ValueTask<OaiItem?> GetAsync(string identifier, CancellationToken ct)
    {
        lock (_gate)
            return ValueTask.FromResult(_items.TryGetValue(identifier, out var item) && (item.Deleted || item.Record.IsPublished) ? item : null);
    }

    public int Count(OaiQuery query) => Visible().Count(query.Matches);

    public DateTimeOffset? EarliestDatestamp() => Visible().Select(i => (DateTimeOffset?)i.Datestamp).FirstOrDefault();

    public IEnumerable<OaiSet> ListSets()
    {
        var visible = Visible();
        var titles = visible.SelectMany(i => i.Ancestors.Append(i.Record))
            .GroupBy(r => OaiSets.Token(r.Identifier))
            .ToDictionary(g => g.Key, g => g.First().Title.Tr);
        return visible.SelectMany(i => i.SetSpecs).Append(OaiSets.Europeana)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(spec => new OaiSet(spec, OaiSets.Name(spec, t => titles.GetValueOrDefault(t))))
            .ToList();
    }
}
