using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Site.Hosting;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;

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

    private static readonly (string Value, string Label)[] Kinds = [("records", "Kayıtlar"), ("authorities", "Otoriteler")];

    public static void MapImportPage(this WebApplication app)
    {
        var cataloguers = app.MapGroup(Root).RequireAuthorization(KatalogServices.Cataloguers);

        cataloguers.MapGet("", (HttpContext context) => Render(context, "CSV içe aktarma", UploadForm(context, null)));

        cataloguers.MapPost("", async (HttpContext context, IFormCollection form, ArchiveOptions options, Archive.Storage.Archive archive, CancellationToken ct) =>
        {
            var dosya = form.Files.GetFile("dosya");
            var kind = form["tur"] == "authorities" ? "authorities" : "records";
            var publish = form["yayinla"] == "evet";
            if (dosya is null || dosya.Length == 0)
                return Render(context, "CSV içe aktarma", UploadForm(context, "Bir CSV dosyası seçin."), StatusCodes.Status400BadRequest);
            if (dosya.Length > MaxBytes)
                return Render(context, "CSV içe aktarma", UploadForm(context, $"Dosya {MaxBytes / 1024 / 1024} MB sınırını aşıyor; bölerek yükleyin."), StatusCodes.Status413PayloadTooLarge);

            var (hash, path) = await KeepAsync(options, dosya, ct);
            var report = await RunAsync(archive, kind, path, publish, dryRun: true, KatalogServices.Who(context.User).Name, ct);
            return Render(context, "Deneme sonucu", ReportPage(context, dosya.FileName, kind, publish, hash, report),
                report.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBytes + 64 * 1024));

        cataloguers.MapPost("/onayla", (HttpContext context, IFormCollection form, ArchiveOptions options, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var hash = form["dosya"].ToString();
            var kind = form["tur"] == "authorities" ? "authorities" : "records";
            var publish = form["yayinla"] == "evet";
            if (!Sha256().IsMatch(hash) || Kept(options, hash) is not { } path)
                return Message(context, "Dosya bulunamadı", "Onaylanacak yükleme yok ya da süresi geçti; dosyayı yeniden yükleyin.", StatusCodes.Status404NotFound, Root);
            await using (var stream = File.OpenRead(path))
                if (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)) != hash)
                    return Message(context, "Dosya değişmiş", "Saklanan dosya doğrulanan dosya değil; yeniden yükleyin.", StatusCodes.Status409Conflict, Root);
            var report = await RunAsync(archive, kind, path, publish, dryRun: false, KatalogServices.Who(context.User).Name, ct);
            if (report.Succeeded) Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            return Render(context, report.Succeeded ? "İçe aktarıldı" : "İçe aktarılamadı", ResultPage(report),
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
        "<h1>CSV içe aktarma</h1>"
        + "<p>Kayıtlar veya otoriteler CSV dosyası (UTF-8, başlık satırıyla) yükleyin. Önce bir deneme yapılır: hiçbir şey yazılmaz, "
        + "her hatalı satır satır numarası, sütunu ve nedeniyle gösterilir. Hata yoksa onayladığınızda aynı dosya içe aktarılır.</p>"
        + (error is null ? "" : $"<p role=\"alert\" class=\"error\">{H(error)}</p>")
        + $"<form method=\"post\" action=\"{Root}\" enctype=\"multipart/form-data\">{Token(context)}"
        + Select("tur", "Dosya türü", Kinds, "records")
        + $"<p><label for=\"dosya\">CSV dosyası (en çok {MaxBytes / 1024 / 1024} MB)</label> <input id=\"dosya\" name=\"dosya\" type=\"file\" accept=\".csv,text/csv\" required></p>"
        + "<p><input id=\"yayinla\" name=\"yayinla\" type=\"checkbox\" value=\"evet\"> <label for=\"yayinla\">Kayıtları doğrudan yayımla (haklar sütunu dolu olmalı)</label></p>"
        + "<p><button type=\"submit\">Dene</button></p></form>";

    private static string ReportPage(HttpContext context, string fileName, string kind, bool publish, string hash, ImportReport report)
    {
        var body = new StringBuilder($"<h1>Deneme sonucu: {H(fileName)}</h1>");
        var s = report.Summary;
        body.Append($"<p>Okunan satır: <strong id=\"satir-sayisi\">{s.RowsRead:N0}</strong>. Hiçbir şey yazılmadı.</p>");
        if (!report.Succeeded)
        {
            body.Append($"<p role=\"alert\" id=\"hata-sayisi\">{report.Issues.Count:N0} hata bulundu; dosyayı düzeltip yeniden yükleyin.</p>")
                .Append("<table id=\"hatalar\"><caption>Hatalar</caption><thead><tr><th scope=\"col\">Satır</th><th scope=\"col\">Sütun</th><th scope=\"col\">Neden</th></tr></thead><tbody>");
            foreach (var issue in report.Issues)
                body.Append($"<tr><td>{(issue.Line > 0 ? issue.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}</td><td>{H(issue.Column)}</td><td>{H(issue.Message)}</td></tr>");
            return body.Append($"</tbody></table><p><a href=\"{Root}\">Yeniden yükle</a></p>").ToString();
        }
        body.Append("<h2>İçe aktarılırsa</h2><ul>")
            .Append($"<li>Yeni kayıt: {s.RecordsCreated:N0}; güncellenecek kayıt: {s.RecordsUpdated:N0}</li>")
            .Append($"<li>Yeni otorite: {s.AuthoritiesCreated:N0}; güncellenecek otorite: {s.AuthoritiesUpdated:N0}</li>");
        if (s.NewAuthoritiesFromNames.Count > 0)
            body.Append($"<li>Kayıtlarda adı geçen yeni otoriteler: {H(string.Join(", ", s.NewAuthoritiesFromNames.Select(n => n.Name)))}</li>");
        body.Append("</ul>")
            .Append($"<form method=\"post\" action=\"{Root}/onayla\">{Token(context)}")
            .Append($"<input type=\"hidden\" name=\"dosya\" value=\"{H(hash)}\"><input type=\"hidden\" name=\"tur\" value=\"{H(kind)}\">")
            .Append(publish ? "<input type=\"hidden\" name=\"yayinla\" value=\"evet\">" : "")
            .Append($"<p>Dosyanın SHA-256 özeti: <code>{H(hash)}</code></p>")
            .Append("<p><button type=\"submit\">Onayla ve içe aktar</button> <a href=\"" + Root + "\">Vazgeç</a></p></form>");
        return body.ToString();
    }

    private static string ResultPage(ImportReport report)
    {
        if (!report.Succeeded)
        {
            var body = new StringBuilder("<h1>İçe aktarılamadı</h1><p role=\"alert\">Dosya bu arada geçersiz hâle geldi (arşiv değişmiş olabilir); hiçbir şey yazılmadı.</p><ul>");
            foreach (var issue in report.Issues) body.Append($"<li>{H(issue.ToString())}</li>");
            return body.Append($"</ul><p><a href=\"{Root}\">Yeniden yükle</a></p>").ToString();
        }
        var s = report.Summary;
        return "<h1>İçe aktarıldı</h1><ul role=\"status\">"
            + $"<li>Kayıtlar: {s.RecordsCreated:N0} yeni, {s.RecordsUpdated:N0} güncellendi, {s.RecordsUnchanged:N0} değişmedi</li>"
            + $"<li>Otoriteler: {s.AuthoritiesCreated:N0} yeni, {s.AuthoritiesUpdated:N0} güncellendi, {s.AuthoritiesUnchanged:N0} değişmedi</li></ul>"
            + "<p><a href=\"/katalog\">Kataloğa dön</a></p>";
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
