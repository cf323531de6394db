using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/bagislar</c>: accessions (a donation, loan, purchase or transfer), their donors and the records
/// described from them; cataloguers only, since terms agreed with donors are not for every student to read.
/// Linking a record saves the record too (its <see cref="Record.Accession"/>), so each side names the other.
/// </summary>
public static partial class AccessionEditor
{
    public const string Root = "/katalog/bagislar";

    public static string Url(string id) => Root + "/" + Uri.EscapeDataString(id);

    public static readonly (string Value, string Label)[] Methods =
        [("donation", "Bağış"), ("loan", "Emanet (ödünç)"), ("purchase", "Satın alma"), ("transfer", "Devir")];

    public static string MethodName(AcquisitionMethod method) => Methods[(int)method].Label;

    public static void MapAccessionEditor(this WebApplication app)
    {
        var cataloguers = app.MapGroup(Root).RequireAuthorization(KatalogServices.Cataloguers);

        cataloguers.MapGet("", async (HttpContext context, Archive.Storage.Archive archive, CancellationToken ct) =>
        {
            var accessions = new List<Accession>();
            await foreach (var a in archive.ListAccessionsAsync(ct)) accessions.Add(a.Value);
            var names = (await AuthorityEditor.AllAsync(archive, ct)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            return Render(context, "Bağışlar ve edinimler", ListPage(accessions, names));
        });

        cataloguers.MapGet("/yeni", (HttpContext context) =>
            Render(context, "Yeni edinim", FormPage(context, null, new Dictionary<string, string> { ["yontem"] = "donation" }, null)));

        cataloguers.MapPost("/yeni", (HttpContext context, IFormCollection form, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var values = Values(form);
            try
            {
                var id = Blank(values["kimlik"])
                    ?? throw new FormInvalidException(new Dictionary<string, string> { ["kimlik"] = "Edinim numarası boş olamaz (ör. 2024-001)." });
                if (!IsIdentifier(id))
                    throw new FormInvalidException(new Dictionary<string, string> { ["kimlik"] = "Edinim numarası harf, rakam, '.', '_' veya '-' içerebilir ve harf ya da rakamla başlar." });
                if (await archive.GetAccessionAsync(id, ct) is not null)
                    throw new FormInvalidException(new Dictionary<string, string> { ["kimlik"] = $"'{id}' numaralı bir edinim zaten var." });
                await SaveAsync(context, archive, id, values, null, form, ct);
                return Results.LocalRedirect(Url(id) + "?durum=kaydedildi");
            }
            catch (FormInvalidException e)
            {
                return Render(context, "Yeni edinim", FormPage(context, null, values, e.Errors), StatusCodes.Status400BadRequest);
            }
        }));

        cataloguers.MapGet("/{id}", (HttpContext context, string id, Archive.Storage.Archive archive, string? durum, CancellationToken ct) => Run(context, async () =>
        {
            var current = await GetAsync(archive, id, ct);
            var status = durum == "kaydedildi" ? "<p role=\"status\">Kaydedildi.</p>" : "";
            return Render(context, "Edinim " + id, status + FormPage(context, current, await ValuesAsync(archive, current.Value, ct), null));
        }));

        cataloguers.MapPost("/{id}", (HttpContext context, string id, IFormCollection form, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var current = await GetAsync(archive, id, ct);
            var values = Values(form);
            try
            {
                await SaveAsync(context, archive, id, values, current, form, ct);
                return Results.LocalRedirect(Url(id) + "?durum=kaydedildi");
            }
            catch (FormInvalidException e)
            {
                return Render(context, "Edinim " + id, FormPage(context, current, values, e.Errors), StatusCodes.Status400BadRequest);
            }
        }));

        cataloguers.MapGet("/{id}/gecmis", (HttpContext context, string id, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            await GetAsync(archive, id, ct);
            var versions = (await archive.Repository.GetObjectAsync(Archive.Storage.Archive.AccessionPrefix + id, ct))!.Versions;
            var body = new StringBuilder($"<h1>Geçmiş: edinim {H(id)}</h1><p><a href=\"{H(Url(id))}\">Edinime dön</a></p>")
                .Append("<table><caption>Sürümler, en yenisi önce</caption><thead><tr><th scope=\"col\">Sürüm</th><th scope=\"col\">Ne zaman (UTC)</th><th scope=\"col\">Kim</th><th scope=\"col\">Neden</th></tr></thead><tbody>");
            foreach (var v in versions.OrderByDescending(v => v.Number))
                body.Append($"<tr><td>v{v.Number}</td><td>{v.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(v.User)}</td><td>{H(v.Message)}</td></tr>");
            return Render(context, "Geçmiş · edinim " + id, body.Append("</tbody></table>").ToString());
        }));
    }

    private static async Task<Versioned<Accession>> GetAsync(Archive.Storage.Archive archive, string id, CancellationToken ct) =>
        await archive.GetAccessionAsync(id, ct) ?? throw new KeyNotFoundException($"'{id}' numaralı bir edinim yok.");

    /// <summary>
    /// Saves the accession against the version read, then each record it gained or lost. The accession goes
    /// first: it is the act the person performed; a record save that meets a concurrent edit is re-read and retried.
    /// </summary>
    private static async Task SaveAsync(HttpContext context, Archive.Storage.Archive archive, string id, Dictionary<string, string> values,
        Versioned<Accession>? current, IFormCollection form, CancellationToken ct)
    {
        var (user, _) = KatalogServices.Who(context.User);
        var accession = await ParseAsync(archive, id, values, ct);
        var info = new CommitInfo(user, Blank(form["neden"]) ?? (current is null ? "Yeni edinim" : "Düzenleme"));
        await archive.SaveAccessionAsync(accession, current is null ? null : Version(form), info, ct);

        var before = current?.Value.Records ?? [];
        var linkInfo = new CommitInfo(user, $"Edinim {id} ile bağlandı");
        foreach (var identifier in accession.Records.Except(before))
            await UpdateRecordAsync(archive, identifier, r => r with { Accession = id }, linkInfo, ct);
        var unlinkInfo = new CommitInfo(user, $"Edinim {id} bağlantısı kaldırıldı");
        foreach (var identifier in before.Except(accession.Records))
            await UpdateRecordAsync(archive, identifier, r => r.Accession == id ? r with { Accession = null } : r, unlinkInfo, ct);
    }

    private static async Task UpdateRecordAsync(Archive.Storage.Archive archive, string identifier, Func<Record, Record> change, CommitInfo info, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await archive.GetRecordAsync(identifier, ct) is not { } record) return;
            try
            {
                await archive.SaveRecordAsync(change(record.Value), [], record.Version, info, ct);
                return;
            }
            catch (OcflConflictException) when (attempt < 5)
            {
            }
        }
    }
}
