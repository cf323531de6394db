using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// A record's scans: upload several at once, reorder, rotate, replace and remove. Each change is one new
/// record version. Masters are stored byte for byte (their SHA-512 is computed on upload and checked again
/// on the stored copy); a rotation is only a number on the page, never a change to the master. Files are
/// checked against the image limits from their header before anything is decoded; what the archive cannot
/// take (JPEG 2000, PDF, anything but JPEG/TIFF/PNG/WebP) is refused with the reason, and then nothing is saved.
/// </summary>
public static class RecordPages
{
    public const string FileField = "tarama";

    public static void MapRecordPages(this WebApplication app)
    {
        var staff = app.MapGroup("/katalog/kayit/{identifier}/sayfalar").RequireAuthorization(KatalogServices.Staff);

        staff.MapPost("", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Change(context, identifier, form, async (user, role) =>
        {
            var uploads = form.Files.GetFiles(FileField);
            if (uploads.Count == 0) throw new WorkflowRefusedException(T("Pages_NoFile"), forbidden: false);
            var current = await workflow.GetAsync(identifier, ct);
            RecordWorkflow.RequireEditable(current.Value, user, role);
            var checkedFiles = Check(context, uploads, NextNumber(current.Value));
            await Save(workflow, identifier, form, r => r with { Files = [.. r.Files, .. checkedFiles.Select(c => c.File)] }, checkedFiles, user, role,
                $"{checkedFiles.Count} sayfa eklendi", ct);
        }));

        staff.MapPost("/{page:int}/{action}", (HttpContext context, string identifier, int page, string action, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Change(context, identifier, form, async (user, role) =>
        {
            var current = await workflow.GetAsync(identifier, ct);
            RecordWorkflow.RequireEditable(current.Value, user, role);
            var files = current.Value.Files.ToList();
            if (page < 1 || page > files.Count) throw new KeyNotFoundException(T("Pages_NoSuchPage", identifier, page));
            var i = page - 1;
            var replaced = new List<Checked>();
            string why;
            switch (action)
            {
                case "yukari" when i > 0: (files[i - 1], files[i]) = (files[i], files[i - 1]); why = $"{page}. sayfa yukarı alındı"; break;
                case "asagi" when i < files.Count - 1: (files[i + 1], files[i]) = (files[i], files[i + 1]); why = $"{page}. sayfa aşağı alındı"; break;
                case "dondur": files[i] = files[i] with { Rotation = (files[i].Rotation + 90) % 360 }; why = $"{page}. sayfa döndürüldü ({files[i].Rotation}°)"; break;
                case "sil": files.RemoveAt(i); why = $"{page}. sayfa kaldırıldı"; break;
                case "degistir":
                    var upload = form.Files.GetFile(FileField) ?? throw new WorkflowRefusedException(T("Pages_NoReplacement"), forbidden: false);
                    replaced = Check(context, [upload], NextNumber(current.Value));
                    files[i] = replaced[0].File;
                    why = $"{page}. sayfa değiştirildi";
                    break;
                default: throw new WorkflowRefusedException(T("Pages_UnknownAction"), forbidden: false);
            }
            await Save(workflow, identifier, form, r => r with { Files = files }, replaced, user, role, why, ct);
        }));

        // The order a drag-and-drop produced, as the pages' paths in their new order.
        staff.MapPost("/sira", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Change(context, identifier, form, async (user, role) =>
        {
            var current = await workflow.GetAsync(identifier, ct);
            RecordWorkflow.RequireEditable(current.Value, user, role);
            var order = form["sira"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var byPath = current.Value.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            if (order.Length != byPath.Count || order.Distinct(StringComparer.Ordinal).Count() != order.Length || !order.All(byPath.ContainsKey))
                throw new WorkflowRefusedException(T("Pages_OrderMismatch"), forbidden: false);
            await Save(workflow, identifier, form, r => r with { Files = order.Select(p => byPath[p]).ToList() }, [], user, role, "Sayfaların sırası değişti", ct);
        }));
    }

    private sealed record Checked(RecordFile File, IFormFile Upload);

    private static Task<IResult> Change(HttpContext context, string identifier, IFormCollection form, Func<string, Accounts.Role, Task> change) => RecordEditor.Run(context, async () =>
    {
        var (user, role) = KatalogServices.Who(context.User);
        await change(user, role);
        return Results.LocalRedirect(RecordEditor.Url(identifier) + "?durum=sayfalar#sayfalar");
    });

    private static async Task Save(RecordWorkflow workflow, string identifier, IFormCollection form, Func<Record, Record> change, List<Checked> uploads,
        string user, Accounts.Role role, string why, CancellationToken ct)
    {
        var files = uploads.Select(u => new NewFile(u.File.Path, new OcflContent(u.Upload.OpenReadStream, u.File.Sha512))).ToList();
        await workflow.ChangeAsync(identifier, RecordEditor.Version(form), change, files, user, role, why, ct);
        var archive = workflow.Archive;
        foreach (var upload in uploads)
        {
            // The stored copy must be the uploaded bytes exactly; a mismatch is an error, not a warning.
            await using var stored = await archive.OpenRecordFileAsync(identifier, upload.File.Path, ct)
                ?? throw new InvalidDataException($"{upload.File.Path} was not stored");
            if (Convert.ToHexStringLower(await SHA512.HashDataAsync(stored, ct)) != upload.File.Sha512)
                throw new InvalidDataException($"{upload.File.Path}: the stored copy's SHA-512 differs from the upload");
        }
    }

    /// <summary>Probes every upload (header only) and hashes it; one refusal refuses the whole upload, naming each bad file.</summary>
    private static List<Checked> Check(HttpContext context, IReadOnlyList<IFormFile> uploads, int next)
    {
        var limits = context.RequestServices.GetRequiredService<ImageLimits>();
        var problems = new List<string>();
        var accepted = new List<Checked>();
        foreach (var upload in uploads)
        {
            var name = Path.GetFileName(upload.FileName);
            try
            {
                limits.CheckBytes(upload.Length);
                using var stream = upload.OpenReadStream();
                var info = ImageProbe.Probe(stream, limits);
                stream.Position = 0;
                var sha = Convert.ToHexStringLower(SHA512.HashData(stream));
                var path = $"files/{next++:0000}{Extension(info.MediaType)}";
                accepted.Add(new Checked(new RecordFile
                {
                    Path = path,
                    OriginalName = name,
                    MediaType = info.MediaType,
                    Bytes = upload.Length,
                    Sha512 = sha,
                    Width = info.Width,
                    Height = info.Height,
                }, upload));
            }
            catch (UnsupportedImageException e)
            {
                problems.Add(T("Pages_FileRefused", name, Explain(e)));
            }
        }
        if (problems.Count > 0) throw new WorkflowRefusedException(string.Join(" ", problems) + " " + T("Pages_NothingSaved"), forbidden: false);
        return accepted;
    }

    /// <summary>The probe's reason, led by what the describer should do about it.</summary>
    private static string Explain(UnsupportedImageException e) => e switch
    {
        ImageTooLargeException => T("Pages_TooLarge", e.Message),
        _ when e.Message.StartsWith("JPEG 2000", StringComparison.Ordinal) => T("Pages_Jpeg2000", e.Message),
        _ when e.Message.StartsWith("PDF", StringComparison.Ordinal) => T("Pages_Pdf", e.Message),
        _ => T("Pages_WrongFormat", e.Message),
    };

    private static string Extension(string mediaType) => mediaType switch
    {
        ImageMediaTypes.Jpeg => ".jpg",
        ImageMediaTypes.Png => ".png",
        ImageMediaTypes.Tiff => ".tif",
        ImageMediaTypes.WebP => ".webp",
        _ => "",
    };

    /// <summary>Paths are never reused, so an older version's page keeps its own name.</summary>
    private static int NextNumber(Record record) =>
        record.Files.Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f.Path), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;

    public static string Panel(HttpContext context, Versioned<Record> current, bool editable)
    {
        var record = current.Value;
        var url = RecordEditor.Url(record.Identifier) + "/sayfalar";
        var version = $"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">";
        var body = new StringBuilder($"<section id=\"sayfalar\" aria-labelledby=\"sayfalar-baslik\"><h2 id=\"sayfalar-baslik\">{T("Pages_Heading")} ({record.Files.Count})</h2>");
        if (record.Files.Count > 0)
        {
            body.Append($"<ol class=\"pages\" data-reorder=\"{H(url)}/sira\" data-version=\"{current.Version}\">");
            for (var i = 0; i < record.Files.Count; i++)
            {
                var f = record.Files[i];
                var page = i + 1;
                body.Append($"<li data-path=\"{H(f.Path)}\"{(editable ? " draggable=\"true\"" : "")}><span>{H(f.OriginalName)} · {f.Width}×{f.Height} · {f.Bytes:N0} {T("Pages_Bytes")}{(f.Rotation == 0 ? "" : $" · {T("Pages_Rotation")} {f.Rotation}°")}</span>");
                if (editable)
                {
                    string Button(string action, string label, bool enabled = true) => enabled
                        ? $"<form method=\"post\" action=\"{H(url)}/{page}/{action}\" class=\"inline\">{Token(context)}{version}<button type=\"submit\" aria-label=\"{H(T("Pages_ButtonLabel", page, label))}\">{H(label)}</button></form>"
                        : "";
                    body.Append(Button("yukari", T("Pages_Up"), i > 0)).Append(Button("asagi", T("Pages_Down"), i < record.Files.Count - 1))
                        .Append(Button("dondur", T("Pages_Rotate"))).Append(Button("sil", T("Pages_Remove")))
                        .Append($"<form method=\"post\" action=\"{H(url)}/{page}/degistir\" enctype=\"multipart/form-data\" class=\"inline\">{Token(context)}{version}")
                        .Append($"<label for=\"degistir-{page}\">{T("Pages_ReplaceLabel", page)}</label> <input id=\"degistir-{page}\" type=\"file\" name=\"{FileField}\" accept=\"image/jpeg,image/tiff,image/png,image/webp\"> <button type=\"submit\">{T("Pages_Replace")}</button></form>");
                }
                body.Append("</li>");
            }
            body.Append("</ol>");
        }
        if (editable)
            body.Append($"<form method=\"post\" action=\"{H(url)}\" enctype=\"multipart/form-data\" class=\"upload\" data-upload>{Token(context)}{version}")
                .Append($"<p><label for=\"tarama\">{T("Pages_AddLabel")}</label> <input id=\"tarama\" type=\"file\" name=\"{FileField}\" multiple accept=\"image/jpeg,image/tiff,image/png,image/webp\"></p>")
                .Append($"<p class=\"drop-zone\" data-chosen=\"{H(T("Pages_FilesChosen"))}\" hidden>{T("Pages_DropHere")}</p><p><progress max=\"100\" value=\"0\" hidden aria-label=\"{T("Pages_Uploading")}\"></progress></p>")
                .Append($"<p><button type=\"submit\">{T("Pages_Upload")}</button></p></form>");
        return body.Append("</section>").ToString();
    }
}
