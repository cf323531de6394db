using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/kayit/{id}/gecmis</c>: every version of a record with who, when and why; any version shown
/// with what it changed; and revert, which saves the old description and pages as a new version (the
/// workflow state and the Europeana mark stay as they are now).
/// </summary>
public static class RecordHistory
{
    public static void MapRecordHistory(this WebApplication app)
    {
        var staff = app.MapGroup("/katalog/kayit").RequireAuthorization(KatalogServices.Staff);

        staff.MapGet("/{identifier}/gecmis", async (HttpContext context, string identifier, Archive.Storage.Archive archive, CancellationToken ct) =>
        {
            if (await Object(archive, identifier, ct) is not { } ocfl) return NotFound(context, identifier);
            var body = new StringBuilder($"<h1>{H(identifier)}: {T("History_Heading")}</h1><p><a href=\"{H(RecordEditor.Url(identifier))}\">{T("History_BackToRecord")}</a></p>")
                .Append($"<table><caption>{T("History_Caption")}</caption><thead><tr><th scope=\"col\">{T("History_Version")}</th><th scope=\"col\">{T("History_Who")}</th><th scope=\"col\">{T("History_When")}</th><th scope=\"col\">{T("History_Why")}</th></tr></thead><tbody>");
            foreach (var v in ocfl.Versions.OrderByDescending(v => v.Number))
                body.Append($"<tr><td><a href=\"{H(RecordEditor.Url(identifier))}/surum/{v.Number}\">v{v.Number}</a></td><td>{H(v.User)}</td><td>{v.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(v.Message)}</td></tr>");
            return Render(context, identifier + " " + T("History_Heading"), body.Append("</tbody></table>").ToString());
        });

        staff.MapGet("/{identifier}/surum/{version:int}", async (HttpContext context, string identifier, int version, Archive.Storage.Archive archive, CancellationToken ct) =>
        {
            if (await Object(archive, identifier, ct) is not { } ocfl || version < 1 || version > ocfl.Head) return NotFound(context, identifier);
            var record = (await ReadAsync(archive, identifier, version, ct))!;
            var previous = version > 1 ? await ReadAsync(archive, identifier, version - 1, ct) : null;
            var info = ocfl.Versions.First(v => v.Number == version);
            var names = await NamesAsync(archive, [record, previous], ct);
            var body = new StringBuilder($"<h1>{H(identifier)}: {T("Record_Version")} v{version}</h1>")
                .Append($"<p>{H(info.User)}, {info.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: {H(info.Message)} · <a href=\"{H(RecordEditor.Url(identifier))}/gecmis\">{T("Record_History")}</a></p>")
                .Append(RecordDiff.Table(RecordDiff.Compare(previous, record, names), previous is null ? T("History_FirstVersion") : $"v{version - 1} → v{version}", $"v{version - 1}", $"v{version}"))
                .Append(RecordDiff.Table(RecordDiff.Compare(null, record, names), T("History_AllFields", $"v{version}"), "", T("Diff_Value")));
            if (version < ocfl.Head)
                body.Append($"<form method=\"post\" action=\"{H(RecordEditor.Url(identifier))}/surum/{version}/geri-al\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{ocfl.Head}\">")
                    .Append($"<p><button type=\"submit\">{T("History_Revert", $"v{ocfl.Head + 1}")}</button></p></form>");
            return Render(context, $"{identifier} v{version}", body.ToString());
        });

        staff.MapPost("/{identifier}/surum/{version:int}/geri-al", (HttpContext context, string identifier, int version, IFormCollection form, RecordWorkflow workflow, Archive.Storage.Archive archive, CancellationToken ct) =>
            RecordEditor.Run(context, async () =>
            {
                var (user, role) = KatalogServices.Who(context.User);
                var old = await ReadAsync(archive, identifier, version, ct) ?? throw new KeyNotFoundException(T("History_NoVersion", identifier, $"v{version}"));
                var head = (await Object(archive, identifier, ct))!;
                var objectId = Archive.Storage.Archive.RecordPrefix + identifier;
                // Pages the head no longer holds come back from the old version, byte for byte.
                var files = old.Files.Where(f => !head.State.ContainsKey(f.Path))
                    .Select(f => new NewFile(f.Path, new OcflContent(() => archive.Repository.OpenFileAsync(objectId, f.Path, version).GetAwaiter().GetResult()!, f.Sha512)))
                    .ToList();
                await workflow.ChangeAsync(identifier, RecordEditor.Version(form), r => old with { State = r.State, ForEuropeana = r.ForEuropeana }, files, user, role,
                    $"v{version} sürümüne dönüldü", ct);
                return Results.LocalRedirect(RecordEditor.Url(identifier) + "?durum=geri-alindi");
            }));
    }

    public static async Task<Record?> ReadAsync(Archive.Storage.Archive archive, string identifier, int version, CancellationToken ct)
    {
        await using var stream = await archive.Repository.OpenFileAsync(Archive.Storage.Archive.RecordPrefix + Archive.Storage.Archive.Checked(identifier), "record.json", version, ct);
        return stream is null ? null : await ArchiveJson.DeserializeAsync<Record>(stream, $"{identifier} v{version}", ct);
    }

    /// <summary>The newest version before <paramref name="below"/> that was published, or (null, 0).</summary>
    public static async Task<(Record? Record, int Version)> LastPublishedAsync(Archive.Storage.Archive archive, string identifier, int below, CancellationToken ct)
    {
        for (var v = below - 1; v >= 1; v--)
            if (await ReadAsync(archive, identifier, v, ct) is { State: WorkflowState.Published } record) return (record, v);
        return (null, 0);
    }

    public static async Task<Func<string, string>> NamesAsync(Archive.Storage.Archive archive, IEnumerable<Record?> records, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in records.OfType<Record>().SelectMany(r => r.Authorities).Select(a => a.AuthorityId).Distinct())
            if (await archive.GetAuthorityAsync(id, ct) is { } a) names[id] = a.Value.Name;
        return id => names.GetValueOrDefault(id, id);
    }

    private static async Task<OcflObject?> Object(Archive.Storage.Archive archive, string identifier, CancellationToken ct)
    {
        try
        {
            return await archive.Repository.GetObjectAsync(Archive.Storage.Archive.RecordPrefix + Archive.Storage.Archive.Checked(identifier), ct);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static IResult NotFound(HttpContext context, string identifier) =>
        Render(context, T("Outcome_NotFound"), $"<h1>{T("Outcome_NotFound")}</h1><p role=\"alert\">{T("History_NotFound", H(identifier))}</p>", StatusCodes.Status404NotFound);
}
