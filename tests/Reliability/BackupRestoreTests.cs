using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Cli;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// export, then restore into an empty store and reindex: the same objects byte for byte, the same search
/// answers, the same OAI-PMH output. On the filesystem store and on Azure (Azurite).
/// </summary>
public sealed partial class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("filesystem")]
    [InlineData("azure")]
    public async Task An_export_restored_into_an_empty_store_gives_the_same_archive_search_and_OAI(string storage)
    {
        string? connection = null;
        if (storage == "azure")
        {
            connection = Environment.GetEnvironmentVariable(SiteHost.AzureConnectionVariable);
            if (string.IsNullOrWhiteSpace(connection)) Assert.Skip($"{SiteHost.AzureConnectionVariable} is not set (scripts/test.sh sets it when Azurite runs)");
        }
        using var temp = new TempDirectory();
        var source = new ArchiveOptions(temp.Sub("source"));
        var target = new ArchiveOptions(temp.Sub("target"), connection, $"restore-{Guid.NewGuid():N}");
        try
        {
            await using (var services = Composition.BuildForCli(source))
            {
                await services.GetRequiredService<OcflRepository>().InitializeAsync(Ct);
                await GuardedArchive.SeedAsync(services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>());
            }
            Assert.Equal(Verbs.Success, await MaintenanceVerbs.ReindexAsync(source, Ct));
            var export = temp.Sub("export");
            Assert.Equal(Verbs.Success, await ExportVerb.RunAsync(source, export, Ct));

            Assert.Equal(Verbs.Success, await RestoreVerb.RunAsync(target, export, Ct));
            Assert.Equal(Verbs.Success, await MaintenanceVerbs.ReindexAsync(target, Ct));
            // A second restore into the now full store is refused rather than mixed in.
            await Assert.ThrowsAsync<UsageException>(() => RestoreVerb.RunAsync(target, export, Ct));

            await AssertSameObjectsAsync(source, target);
            await using var before = await RunningSite.StartAsync(source);
            await using var after = await RunningSite.StartAsync(target);
            var compared = 0;
            foreach (var url in new[] { "/api/search", "/api/search?q=incir", "/api/search?q=mektup&sort=date", "/api/search?axis=liman", "/api/authorities?q=ser",
                         "/api/records/SRR-0001", "/iiif/manifest/SRR-0001", "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc",
                         "/oai?verb=ListRecords&metadataPrefix=oai_dc", "/oai?verb=ListRecords&metadataPrefix=edm", "/oai?verb=ListSets",
                         "/oai?verb=GetRecord&metadataPrefix=edm&identifier=oai:hafiza.izmir:SRR-0104" })
            {
                var expected = Stable(await before.Client.GetStringAsync(url, Ct));
                var actual = Stable(await after.Client.GetStringAsync(url, Ct));
                Assert.True(expected == actual, $"{url} differs after restore\n--- before\n{expected}\n--- after\n{actual}");
                compared++;
            }
            Assert.True(compared >= 10);
        }
        finally
        {
            if (connection is not null) await ((AzureBlobStore)target.CreateBlobStore()).DeleteContainerAsync(Ct);
        }
    }

    /// <summary>Every object's head JSON and every file's bytes, compared by the archive's own serialisation and SHA-512.</summary>
    private static async Task AssertSameObjectsAsync(ArchiveOptions source, ArchiveOptions target)
    {
        await using var a = Composition.BuildForCli(source);
        await using var b = Composition.BuildForCli(target);
        var one = a.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
        var two = b.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
        var ids = new List<string>();
        await foreach (var id in one.Repository.ListObjectIdsAsync(Ct)) ids.Add(id);
        var restored = new List<string>();
        await foreach (var id in two.Repository.ListObjectIdsAsync(Ct)) restored.Add(id);
        Assert.Equal(ids.Order(StringComparer.Ordinal), restored.Order(StringComparer.Ordinal));
        Assert.True(ids.Count >= 6, $"only {ids.Count} objects");

        await foreach (var record in one.ListRecordsAsync(Ct))
        {
            var copy = await two.GetRecordAsync(record.Value.Identifier, Ct);
            Assert.NotNull(copy);
            Assert.Equal(Json(record.Value), Json(copy.Value));
            foreach (var file in record.Value.Files)
            {
                await using var stream = await two.OpenRecordFileAsync(record.Value.Identifier, file.Path, Ct);
                Assert.NotNull(stream);
                Assert.Equal(file.Sha512, Convert.ToHexStringLower(await SHA512.HashDataAsync(stream, Ct)), ignoreCase: true);
            }
        }
        await foreach (var authority in one.ListAuthoritiesAsync(Ct))
            Assert.Equal(Json(authority.Value), Json((await two.GetAuthorityAsync(authority.Value.Id, Ct))!.Value));
        var verify = await two.Repository.VerifyAsync(repair: false, ct: Ct);
        Assert.True(verify.IsValid, string.Join('\n', verify.Problems));
    }

    private static string Json<T>(T value) => System.Text.Encoding.UTF8.GetString(ArchiveJson.Serialize(value));

    /// <summary>The answer without the moment it was given.</summary>
    private static string Stable(string body) => ResponseDate().Replace(body, "");

    [GeneratedRegex("<responseDate>[^<]*</responseDate>")]
    private static partial Regex ResponseDate();
}
