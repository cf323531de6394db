using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

public static class Seed
{
    /// <summary>Writes a published letter with one file, a draft and a person through the real archive.</summary>
    public static async Task ArchiveAsync(string data, byte[] scan)
    {
        var store = new ArchiveOptions(data).CreateBlobStore();
        var repository = new OcflRepository(store);
        await repository.InitializeAsync();
        var archive = new HafizaIzmir.Archive.Storage.Archive(repository, new ChangeJournal(store));
        var info = new CommitInfo("test", "seed");
        await archive.SaveAuthorityAsync(SampleRecords.Reyent, null, info);
        await archive.SaveRecordAsync(SampleRecords.Fonds, [], null, info);
        var file = new RecordFile
        {
            Path = "files/0001.txt",
            OriginalName = "0001.txt",
            MediaType = "text/plain",
            Bytes = scan.Length,
            Sha512 = Convert.ToHexStringLower(SHA512.HashData(scan)),
        };
        await archive.SaveRecordAsync(SampleRecords.Letter with { Files = [file] }, [new NewFile(file.Path, OcflContent.FromBytes(scan))], null, info);
        await archive.SaveRecordAsync(SampleRecords.Draft, [], null, info);
    }
}
