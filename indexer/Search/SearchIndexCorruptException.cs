namespace HafizaIzmir.Indexer.Search;

/// <summary>The index on disk can't be read or fails its checksums: rebuild it from storage.</summary>
public sealed class SearchIndexCorruptException(string location, Exception inner)
    : Exception($"The search index at '{location}' is corrupt or unreadable ({inner.GetType().Name}: {inner.Message}); rebuild it from storage.", inner)
{
    public string Location { get; } = location;
}
