using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Site.Hosting;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/ice-aktar</c> (cataloguers): upload a records or authorities CSV, read the importer's dry-run
/// report, then confirm. The upload is kept under the data directory keyed by its SHA-256, and the
/// confirmation names that hash, so what is imported is byte for byte what was validated; the importer
/// validates it once more against the archive as it is then and writes nothing if a single row fails.
/// </summary>
public static partial class ImportPage
{
    public const string Root = "/katalog/ice-aktar";
    public const long MaxBytes = 20L * 1024 * 1024;
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private static (string Value, string Label)[] Kinds => [("records", T("Accession_Records")), ("authorities", T("Authority_List"))];

    public static void MapImportPage(this WebApplication app)
    {
        var cataloguers = app.MapGroup(Root).RequireAuthorization(KatalogServices.Cataloguers);

        cataloguers.MapGet("", (HttpContext context) => Render(context, T("Import_Title"), UploadForm(context, null)));

        cataloguers.MapPost("", async (HttpContext context, IFormCollection form, ArchiveOptions options, Archive.Storage.Archive archive, CancellationToken ct) =>
        {
            var dosya = form.Files.GetFile("dosya");
            var kind = form["tur"] == "authorities" ? "authorities" : "records";
            var publish = form["yayinla"] == "evet";
            if (dosya is null || dosya.Length == 0)
                return Render(context, T("Import_Title"), UploadForm(context, T("Import_ChooseFile")), StatusCodes.Status400BadRequest);
            if (dosya.Length > MaxBytes)
                return Render(context, T("Import_Title"), UploadForm(context, T("Import_TooLarge", MaxBytes / 1024 / 1024)), StatusCodes.Status413PayloadTooLarge);

            var (hash, path) = await KeepAsync(options, dosya, ct);
            var report = await RunAsync(archive, kind, path, publish, dryRun: true, KatalogServices.Who(context.User).Name, ct);
            return Render(context, T("Import_DryRun"), ReportPage(context, dosya.FileName, kind, publish, hash, report),
                report.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBytes + 64 * 1024));

        cataloguers.MapPost("/onayla", (HttpContext context, IFormCollection form, ArchiveOptions options, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var hash = form["dosya"].ToString();
            var kind = form["tur"] == "authorities" ? "authorities" : "records";
            var publish = form["yayinla"] == "evet";
            if (!Sha256().IsMatch(hash) || Kept(options, hash) is not { } path)
                return Message(context, T("Import_FileMissing"), T("Import_FileMissingText"), StatusCodes.Status404NotFound, Root);
            await using (var stream = File.OpenRead(path))
                if (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)) != hash)
                    return Message(context, T("Import_FileChanged"), T("Import_FileChangedText"), StatusCodes.Status409Conflict, Root);
            var report = await RunAsync(archive, kind, path, publish, dryRun: false, KatalogServices.Who(context.User).Name, ct);
            if (report.Succeeded) Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            return Render(context, T(report.Succeeded ? "Import_Done" : "Import_Failed"), ResultPage(report),
                report.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }));
    }

    private static Task<ImportReport> RunAsync(Archive.Storage.Archive archive, string kind, string path, bool publish, bool dryRun, string user, CancellationToken ct) =>
        new Importer(archive, ImageFileProbe.Create(Iiif.ImagesOptions.LoadLimits())).ImportAsync(new ImportRequest
        {
            AuthoritiesPath = kind == "authorities" ? path : null,
            RecordsPath = kind == "records" ? path : null,
            Publish = publish,
            DryRun = dryRun,
            User = user,
        }, ct: ct);

    private static string UploadDirectory(ArchiveOptions options) => Path.Combine(options.FullDataDirectory, "uploads", "import");

    /// <summary>Stores the upload as <c>uploads/import/{sha256}/{name}</c> (its own name, so version messages cite it) and drops day-old ones.</summary>
    private static async Task<(string Hash, string Path)> KeepAsync(ArchiveOptions options, IFormFile file, CancellationToken ct)
    {
        var root = UploadDirectory(options);
        Directory.CreateDirectory(root);
        foreach (var old in new DirectoryInfo(root).EnumerateDirectories().Where(d => d.LastWriteTimeUtc < DateTime.UtcNow - KeptFor))
            old.Delete(recursive: true);

        var temp = Path.Combine(root, $".upload-{Guid.NewGuid():N}");
        string hash;
        await using (var target = File.Create(temp))
        {
            await file.CopyToAsync(target, ct);
            target.Position = 0;
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(target, ct));
        }
        var directory = Path.Combine(root, hash);
        if (Kept(options, hash) is { } existing)
        {
            File.Delete(temp);
            return (hash, existing);
        }
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SafeName(file.FileName));
        File.Move(temp, path, overwrite: true);
        return (hash, path);
    }

    private static string? Kept(ArchiveOptions options, string hash)
    {
        var directory = Path.Combine(UploadDirectory(options), hash);
        return Directory.Exists(directory) ? Directory.EnumerateFiles(directory).FirstOrDefault() : null;
    }

    private static string SafeName(string name)
    {
        var safe = new string(Path.GetFileName(name).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "yukleme.csv" : safe.Length > 100 ? safe[..100] : safe;
    }

    private static string UploadForm(HttpContext context, string? error) =>
        $"<h1>{T("Import_Title")}</h1>"
        + $"<p>{T("Import_Help")}</p>"
        + (error is null ? "" : $"<p role=\"alert\" class=\"error\">{H(error)}</p>")
        + $"<form method=\"post\" action=\"{Root}\" enctype=\"multipart/form-data\">{Token(context)}"
        + Select("tur", T("Import_Kind"), Kinds, "records")
        + $"<p><label for=\"dosya\">{T("Import_FileLabel", MaxBytes / 1024 / 1024)}</label> <input id=\"dosya\" name=\"dosya\" type=\"file\" accept=\".csv,text/csv\" required></p>"
        + $"<p><input id=\"yayinla\" name=\"yayinla\" type=\"checkbox\" value=\"evet\"> <label for=\"yayinla\">{T("Import_Publish")}</label></p>"
        + $"<p><button type=\"submit\">{T("Import_Try")}</button></p></form>";

    private static string ReportPage(HttpContext context, string fileName, string kind, bool publish, string hash, ImportReport report)
    {
        var body = new StringBuilder($"<h1>{T("Import_DryRun")}: {H(fileName)}</h1>");
        var s = report.Summary;
        body.Append($"<p>{T("Import_RowsRead")}: <strong id=\"satir-sayisi\">{s.RowsRead:N0}</strong>. {T("Import_NothingWritten")}</p>");
        if (!report.Succeeded)
        {
            body.Append($"<p role=\"alert\" id=\"hata-sayisi\">{T("Import_ErrorCount", report.Issues.Count.ToString("N0"))}</p>")
                .Append($"<table id=\"hatalar\"><caption>{T("Import_Errors")}</caption><thead><tr><th scope=\"col\">{T("Import_Line")}</th><th scope=\"col\">{T("Import_Column")}</th><th scope=\"col\">{T("History_Why")}</th></tr></thead><tbody>");
            foreach (var issue in report.Issues)
                body.Append($"<tr><td>{(issue.Line > 0 ? issue.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}</td><td>{H(issue.Column)}</td><td>{H(issue.Message)}</td></tr>");
            return body.Append($"</tbody></table><p><a href=\"{Root}\">{T("Import_Again")}</a></p>").ToString();
        }
        body.Append($"<h2>{T("Import_IfImported")}</h2><ul>")
            .Append($"<li>{T("Import_NewRecords")}: {s.RecordsCreated:N0}; {T("Import_UpdatedRecords")}: {s.RecordsUpdated:N0}</li>")
            .Append($"<li>{T("Import_NewAuthorities")}: {s.AuthoritiesCreated:N0}; {T("Import_UpdatedAuthorities")}: {s.AuthoritiesUpdated:N0}</li>");
        if (s.NewAuthoritiesFromNames.Count > 0)
            body.Append($"<li>{T("Import_NamedAuthorities")}: {H(string.Join(", ", s.NewAuthoritiesFromNames.Select(n => n.Name)))}</li>");
        body.Append("</ul>")
            .Append($"<form method=\"post\" action=\"{Root}/onayla\">{Token(context)}")
            .Append($"<input type=\"hidden\" name=\"dosya\" value=\"{H(hash)}\"><input type=\"hidden\" name=\"tur\" value=\"{H(kind)}\">")
            .Append(publish ? "<input type=\"hidden\" name=\"yayinla\" value=\"evet\">" : "")
            .Append($"<p>{T("Import_Hash")}: <code>{H(hash)}</code></p>")
            .Append($"<p><button type=\"submit\">{T("Import_Confirm")}</button> <a href=\"{Root}\">{T("Import_Cancel")}</a></p></form>");
        return body.ToString();
    }

    private static string ResultPage(ImportReport report)
    {
        if (!report.Succeeded)
        {
            var body = new StringBuilder($"<h1>{T("Import_Failed")}</h1><p role=\"alert\">{T("Import_FailedText")}</p><ul>");
            foreach (var issue in report.Issues) body.Append($"<li>{H(issue.ToString())}</li>");
            return body.Append($"</ul><p><a href=\"{Root}\">{T("Import_Again")}</a></p>").ToString();
        }
        var s = report.Summary;
        return $"<h1>{T("Import_Done")}</h1><ul role=\"status\">"
            + $"<li>{T("Import_RecordsResult", s.RecordsCreated.ToString("N0"), s.RecordsUpdated.ToString("N0"), s.RecordsUnchanged.ToString("N0"))}</li>"
            + $"<li>{T("Import_AuthoritiesResult", s.AuthoritiesCreated.ToString("N0"), s.AuthoritiesUpdated.ToString("N0"), s.AuthoritiesUnchanged.ToString("N0"))}</li></ul>"
            + $"<p><a href=\"/katalog\">{T("Import_BackToKatalog")}</a></p>";
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
