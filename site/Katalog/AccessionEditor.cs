using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

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

    /// <summary>The acquisition methods' codes, in <see cref="AcquisitionMethod"/> order, with their labels in the request's language.</summary>
    public static (string Value, string Label)[] Methods =>
        [("donation", T("Method_Donation")), ("loan", T("Method_Loan")), ("purchase", T("Method_Purchase")), ("transfer", T("Method_Transfer"))];

    public static string MethodName(AcquisitionMethod method) => Methods[(int)method].Label;

    public static void MapAccessionEditor(this WebApplication app)
    {
        var cataloguers = app.MapGroup(Root).RequireAuthorization(KatalogServices.Cataloguers);

        cataloguers.MapGet("", async (HttpContext context, Archive.Storage.Archive archive, CancellationToken ct) =>
        {
            var accessions = new List<Accession>();
            await foreach (var a in archive.ListAccessionsAsync(ct)) accessions.Add(a.Value);
            var names = (await AuthorityEditor.AllAsync(archive, ct)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            return Render(context, T("Accession_List"), ListPage(accessions, names));
        });

        cataloguers.MapGet("/yeni", (HttpContext context) =>
            Render(context, T("Accession_New"), FormPage(context, null, new Dictionary<string, string> { ["yontem"] = "donation" }, null)));

        cataloguers.MapPost("/yeni", (HttpContext context, IFormCollection form, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var values = Values(form);
            try
            {
                var id = Blank(values["kimlik"])
                    ?? throw new FormInvalidException(new Dictionary<string, string> { ["kimlik"] = T("Accession_IdEmpty") });
                if (!IsIdentifier(id))
                    throw new FormInvalidException(new Dictionary<string, string> { ["kimlik"] = T("Accession_IdInvalid") });
                if (await archive.GetAccessionAsync(id, ct) is not null)
                    throw new FormInvalidException(new Dictionary<string, string> { ["kimlik"] = T("Accession_IdTaken", id) });
                await SaveAsync(context, archive, id, values, null, form, ct);
                return Results.LocalRedirect(Url(id) + "?durum=kaydedildi");
            }
            catch (FormInvalidException e)
            {
                return Render(context, T("Accession_New"), FormPage(context, null, values, e.Errors), StatusCodes.Status400BadRequest);
            }
        }));

        cataloguers.MapGet("/{id}", (HttpContext context, string id, Archive.Storage.Archive archive, string? durum, CancellationToken ct) => Run(context, async () =>
        {
            var current = await GetAsync(archive, id, ct);
            var status = durum == "kaydedildi" ? $"<p role=\"status\">{T("Done_Saved")}</p>" : "";
            return Render(context, T("Accession_Title", id), status + FormPage(context, current, await ValuesAsync(archive, current.Value, ct), null));
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
                return Render(context, T("Accession_Title", id), FormPage(context, current, values, e.Errors), StatusCodes.Status400BadRequest);
            }
        }));

        cataloguers.MapGet("/{id}/gecmis", (HttpContext context, string id, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            await GetAsync(archive, id, ct);
            var versions = (await archive.Repository.GetObjectAsync(Archive.Storage.Archive.AccessionPrefix + id, ct))!.Versions;
            var body = new StringBuilder($"<h1>{T("Record_History")}: {H(T("Accession_Title", id))}</h1><p><a href=\"{H(Url(id))}\">{T("Accession_Back")}</a></p>")
                .Append($"<table><caption>{T("History_Caption")}</caption><thead><tr><th scope=\"col\">{T("History_Version")}</th><th scope=\"col\">{T("History_When")}</th><th scope=\"col\">{T("History_Who")}</th><th scope=\"col\">{T("History_Why")}</th></tr></thead><tbody>");
            foreach (var v in versions.OrderByDescending(v => v.Number))
                body.Append($"<tr><td>v{v.Number}</td><td>{v.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(v.User)}</td><td>{H(v.Message)}</td></tr>");
            return Render(context, T("Record_History") + " · " + T("Accession_Title", id), body.Append("</tbody></table>").ToString());
        }));
    }

    private static async Task<Versioned<Accession>> GetAsync(Archive.Storage.Archive archive, string id, CancellationToken ct) =>
        await archive.GetAccessionAsync(id, ct) ?? throw new KeyNotFoundException(T("Accession_NotFound", id));

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
