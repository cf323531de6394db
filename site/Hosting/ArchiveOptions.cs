using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Site.Hosting;

/// <summary>
/// Where the archive lives, as given by the common options (<c>--data</c>, <c>--blob-connection</c>,
/// <c>--blob-container</c>) or their environment variables. Everything local sits under <see cref="DataDirectory"/>.
/// </summary>
public sealed record ArchiveOptions(string DataDirectory, string? BlobConnection = null, string BlobContainer = ArchiveOptions.DefaultContainer)
{
    public const string DefaultContainer = "hafiza";
    public const string DefaultDataDirectory = "./data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    /// <summary>The embedded blob store's root when no Azure connection is given.</summary>
    public string StoreDirectory => Path.Combine(FullDataDirectory, "store");

    /// <summary>Staging for blob writes: on the same volume as the store so a finished write is a rename.</summary>
    public string TempDirectory => Path.Combine(FullDataDirectory, "tmp");

    /// <summary>Everything rebuildable from the blob store (tree, search index, OAI lists).</summary>
    public string DerivedDirectory => Path.Combine(FullDataDirectory, "derived");

    public bool UsesAzure => !string.IsNullOrWhiteSpace(BlobConnection);

    public IBlobStore CreateBlobStore()
    {
        if (UsesAzure) return new AzureBlobStore(BlobConnection!, BlobContainer);
        Directory.CreateDirectory(StoreDirectory);
        Directory.CreateDirectory(TempDirectory);
        return new FileSystemBlobStore(StoreDirectory, TempDirectory);
    }
}
