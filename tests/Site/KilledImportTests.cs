using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// Kills a real importing <c>hafiza</c> process with SIGKILL part way through, then checks that storage holds
/// only whole versions: every record present reads back with every file's bytes intact, verify --repair
/// clears what the dead writer left, and the same import run again completes.
/// </summary>
public class KilledImportTests
{
    private const int Items = 1500;

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.4)]
    [InlineData(0.8)]
    public async Task A_killed_import_leaves_only_whole_versions_and_can_simply_be_run_again(double killAt)
    {
        using var temp = new TempDirectory();
        var data = temp.Sub("data");
        var (records, files) = WriteCollection(temp);
        string[] import = ["import", "--csv", records, "--files", files, "--publish", "--data", data];

        using (var process = HafizaProcess.Start(import))
        {
            var journal = Path.Combine(data, "store", ChangeJournal.Prefix.TrimEnd('/'));
            var target = (int)(Items * killAt);
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!process.HasExited && Count(journal) < target && DateTime.UtcNow < deadline) await Task.Delay(5, TestContext.Current.CancellationToken);
            Assert.False(process.HasExited, $"the import finished before it could be killed at {killAt:P0}");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await AssertEveryStoredRecordIsWholeAsync(data);
        var repair = await HafizaProcess.RunAsync(["verify", "--repair", "--data", data], timeout: TimeSpan.FromMinutes(3));
        Assert.True(repair.ExitCode == 0, repair.ToString());
        var verify = await HafizaProcess.RunAsync(["verify", "--data", data], timeout: TimeSpan.FromMinutes(3));
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var again = await HafizaProcess.RunAsync(import, timeout: TimeSpan.FromMinutes(5));
        Assert.True(again.ExitCode == 0, again.ToString());
        var count = await AssertEveryStoredRecordIsWholeAsync(data);
        Assert.Equal(Items + 2, count);
    }

    private static int Count(string directory) => Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Count() : 0;

    /// <summary>Every record that storage shows must parse and every file listed must match its SHA-512.</summary>
    private static async Task<int> AssertEveryStoredRecordIsWholeAsync(string data)
    {
        var store = new FileSystemBlobStore(Path.Combine(data, "store"), Path.Combine(data, "tmp"));
        var archive = new HafizaIzmir.Archive.Storage.Archive(new OcflRepository(store), new ChangeJournal(store));
        var count = 0;
        await foreach (var stored in archive.ListRecordsAsync())
        {
            count++;
            foreach (var file in stored.Value.Files)
            {
                await using var stream = await archive.OpenRecordFileAsync(stored.Value.Identifier, file.Path);
                Assert.NotNull(stream);
                var digest = Convert.ToHexStringLower(await SHA512.HashDataAsync(stream));
                Assert.Equal(file.Sha512.ToLowerInvariant(), digest);
            }
        }
        return count;
    }

    /// <summary>A fonds, a series and many items; every tenth item has a small scan, so files are written too.</summary>
    private static (string Records, string Files) WriteCollection(TempDirectory temp)
    {
        var files = temp.Sub("files");
        Directory.CreateDirectory(files);
        var csv = new StringBuilder("identifier,parent,level,title,date,type,persons,places,rights,files\n");
        csv.Append("K,,fonds,Kesinti fonu,1920/1950,text,,,http://rightsstatements.org/vocab/InC/1.0/,\n");
        csv.Append("K-S1,K,series,Mektuplar,1920/1950,text,,,http://rightsstatements.org/vocab/InC/1.0/,\n");
        for (var i = 1; i <= Items; i++)
        {
            var scan = "";
            if (i % 10 == 0)
            {
                scan = $"k-{i}.png";
                File.WriteAllBytes(Path.Combine(files, scan), SyntheticScan.Render(96, 128, i, $"K {i}", ScanFormat.Png));
            }
            var year = 1920 + i % 30;
            csv.Append(CultureInfo.InvariantCulture, $"K-{i:D5},K-S1,item,Mektup {i},{year},text,Kişi {i % 40},Sokak {i % 25},http://rightsstatements.org/vocab/InC/1.0/,{scan}\n");
        }
        var records = temp.Sub("records.csv");
        File.WriteAllText(records, csv.ToString(), new UTF8Encoding(false));
        return (records, files);
    }
}
