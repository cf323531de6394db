using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Cli;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Ocr;

public sealed class TranscriptionStorageTests
{
    [Fact]
    public async Task Transcriptions_survive_later_saves_and_are_exported()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var options = new ArchiveOptions(dir.Sub("data"));
        using (var services = Composition.BuildForCli(options))
        {
            await services.GetRequiredService<OcflRepository>().InitializeAsync(ct);
            var archive = services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
            var page = OcrCorpus.Page("Bir sayfa.");
            await OcrCorpus.SaveAsync(archive, OcrCorpus.Item("TR-1", "Mektup"), page);
            var current = (await archive.GetRecordAsync("TR-1", ct))!;
            await archive.SaveRecordAsync(current.Value, [new NewFile(HafizaIzmir.Archive.Storage.Archive.TranscriptionPath(1), OcflContent.FromBytes(Encoding.UTF8.GetBytes("Düzeltilmiş metin\n")))],
                current.Version, new CommitInfo("katalogcu", "OCR düzeltmesi"), ct);
            current = (await archive.GetRecordAsync("TR-1", ct))!;
            await archive.SaveRecordAsync(current.Value with { Title = new LocalizedText("Yeni başlık") }, [], current.Version, new CommitInfo("katalogcu", "başlık"), ct);
            var head = (await archive.Repository.GetObjectAsync("record:TR-1", ct))!;
            Assert.Equal(3, head.Head);
            Assert.Contains("transcriptions/0001.txt", head.State.Keys);
        }
        var output = dir.Sub("export");
        Assert.Equal(0, await ExportVerb.RunAsync(options, output, ct));
        Assert.Equal("Düzeltilmiş metin\n", await File.ReadAllTextAsync(Path.Combine(output, "records", "TR-1", "transcriptions", "0001.txt"), ct));
        Assert.True(File.Exists(Path.Combine(output, "records", "TR-1", "files", "0001.png")));
    }
}
