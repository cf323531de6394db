using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Oai.Source;

/// <summary>
/// Everything the OAI-PMH repository needs from the archive. Implementations list only records that are
/// published or were withdrawn after publication (deleted), in the order <c>(datestamp, identifier)</c>.
/// </summary>
public interface IOaiRecordSource
{
    /// <summary>
    /// Items matching <paramref name="query"/> that sort strictly after <paramref name="after"/>
    /// (from the start when null), at most <paramref name="limit"/>, in <c>(datestamp, identifier)</c> order.
    /// Enumerated lazily by the caller, so an implementation may stream. When <paramref name="metadata"/> is
    /// false only headers are written, so an implementation may return <see cref="OaiItem.HeaderOnly"/> items.
    /// </summary>
    IAsyncEnumerable<OaiItem> ListAsync(OaiQuery query, OaiPosition? after, int limit, bool metadata, CancellationToken ct);

    /// <summary>The item with this record identifier (reference code), or null when it is unknown or never published.</summary>
    ValueTask<OaiItem?> GetAsync(string identifier, CancellationToken ct);

    /// <summary>How many items match the query (for <c>completeListSize</c>).</summary>
    int Count(OaiQuery query);

    /// <summary>The oldest datestamp of any item, or null when there are none.</summary>
    DateTimeOffset? EarliestDatestamp();

    IEnumerable<OaiSet> ListSets();
}

/// <summary>Selective-harvesting filter: inclusive datestamp bounds at second granularity and a set spec.</summary>
public sealed record OaiQuery(DateTimeOffset? From = null, DateTimeOffset? Until = null, string? Set = null)
{
    public bool Matches(OaiItem item) =>
        (From is null || item.Datestamp >= From) &&
        (Until is null || item.Datestamp <= Until) &&
        (Set is null || item.SetSpecs.Any(s => OaiSets.Contains(Set, s)));
}

/// <summary>A place in the list order: the last item a harvester has seen.</summary>
public readonly record struct OaiPosition(DateTimeOffset Datestamp, string Identifier) : IComparable<OaiPosition>
{
    public int CompareTo(OaiPosition other)
    {
        var byDate = Datestamp.CompareTo(other.Datestamp);
        return byDate != 0 ? byDate : string.CompareOrdinal(Identifier, other.Identifier);
    }

    public static bool operator <(OaiPosition a, OaiPosition b) => a.CompareTo(b) < 0;
    public static bool operator >(OaiPosition a, OaiPosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(OaiPosition a, OaiPosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(OaiPosition a, OaiPosition b) => a.CompareTo(b) >= 0;
}

public sealed record OaiSet(string Spec, string Name);

/// <summary>
/// One record as the repository disseminates it: the record, the authorities it links to (resolved),
/// its ancestors (outermost first), its datestamp (UTC, whole seconds), whether it is deleted, and its sets.
/// </summary>
public sealed record OaiItem
{
    public required Record Record { get; init; }
    public IReadOnlyList<Authority> Authorities { get; init; } = [];
    public IReadOnlyList<Record> Ancestors { get; init; } = [];
    public required DateTimeOffset Datestamp { get; init; }
    public bool Deleted { get; init; }
    public IReadOnlyList<string> SetSpecs { get; init; } = [];

    public string Identifier => Record.Identifier;
    public OaiPosition Position => new(Datestamp, Identifier);

    public Authority? Authority(string id) => Authorities.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// An item that carries only its header: the record holds nothing but the identifier. Used for deleted
    /// records (whose description is no longer disseminated) and for lists of identifiers.
    /// </summary>
    public static OaiItem HeaderOnly(string identifier, DateTimeOffset datestamp, bool deleted, IReadOnlyList<string> setSpecs) => new()
    {
        Record = new Record { Identifier = identifier, Level = Level.Item, Title = new LocalizedText(""), State = deleted ? WorkflowState.Withdrawn : WorkflowState.Published },
        Datestamp = datestamp,
        Deleted = deleted,
        SetSpecs = setSpecs,
    };
}
