using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The accession form: its fields as text, their validation, and the list and form markup.</summary>
public static partial class AccessionEditor
{
    private static readonly string[] Fields = ["kimlik", "yontem", "bagiscilar", "tarih", "kosullar", "aciklama", "aciklama-en", "kayitlar"];

    private static Dictionary<string, string> Values(IFormCollection form) =>
        Fields.ToDictionary(f => f, f => form[f].ToString(), StringComparer.Ordinal);

    /// <summary>Donors are shown as "Name [id]", which the form reads back by the id in brackets.</summary>
    private static async Task<Dictionary<string, string>> ValuesAsync(Archive.Storage.Archive archive, Accession a, CancellationToken ct)
    {
        var donors = new List<string>();
        foreach (var id in a.Donors)
            donors.Add((await archive.GetAuthorityAsync(id, ct))?.Value.Name is { } name ? $"{name} [{id}]" : id);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kimlik"] = a.Id,
            ["yontem"] = Methods[(int)a.Method].Value,
            ["bagiscilar"] = string.Join('\n', donors),
            ["tarih"] = a.Date?.Text ?? "",
            ["kosullar"] = a.Terms ?? "",
            ["aciklama"] = a.Description?.Tr ?? "",
            ["aciklama-en"] = a.Description?.En ?? "",
            ["kayitlar"] = string.Join('\n', a.Records),
        };
    }

    private static async Task<Accession> ParseAsync(Archive.Storage.Archive archive, string id, Dictionary<string, string> values, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var methodIndex = Array.FindIndex(Methods, m => m.Value == values["yontem"]);
        if (methodIndex < 0) errors["yontem"] = T("Accession_BadMethod");

        var all = await AuthorityEditor.AllAsync(archive, ct);
        var resolve = AuthorityEditor.Resolver(all);
        var donors = new List<string>();
        var number = 0;
        foreach (var line in values["bagiscilar"].Split('\n').Select(l => l.Trim()))
        {
            number++;
            if (line.Length == 0) continue;
            var key = line.EndsWith(']') && line.LastIndexOf('[') is var open and >= 0 ? line[(open + 1)..^1].Trim() : line;
            var (donor, error) = await resolve(key);
            if (donor is null) errors.TryAdd("bagiscilar", T("Accession_DonorLine", number, error));
            else if (donor is Place) errors.TryAdd("bagiscilar", T("Accession_DonorPlace", number, donor.Name));
            else if (!donors.Contains(donor.Id)) donors.Add(donor.Id);
        }
        if (donors.Count == 0 && !errors.ContainsKey("bagiscilar")) errors["bagiscilar"] = T("Accession_NoDonor");

        EdtfDate? date = null;
        if (Blank(values["tarih"]) is { } dateText && !EdtfDate.TryParse(dateText, out date, out var dateError))
            errors["tarih"] = T("Workflow_BadDate", dateText, dateError);

        // Either side may name the link (records imported with an accession, accessions listing records).
        var listedElsewhere = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var other in archive.ListAccessionsAsync(ct))
            if (other.Value.Id != id)
                foreach (var listed in other.Value.Records) listedElsewhere.TryAdd(listed, other.Value.Id);
        var records = new List<string>();
        number = 0;
        foreach (var identifier in values["kayitlar"].Split('\n').Select(l => l.Trim()))
        {
            number++;
            if (identifier.Length == 0 || records.Contains(identifier)) continue;
            var record = IsIdentifier(identifier) ? await archive.GetRecordAsync(identifier, ct) : null;
            if (record is null) errors.TryAdd("kayitlar", T("Accession_RecordMissing", number, identifier));
            else if ((record.Value.Accession is { } linked && linked != id ? linked : listedElsewhere.GetValueOrDefault(identifier)) is { } other)
                errors.TryAdd("kayitlar", T("Accession_RecordTaken", number, identifier, other));
            else records.Add(identifier);
        }

        if (errors.Count > 0) throw new FormInvalidException(errors);
        return new Accession
        {
            Id = id,
            Method = (AcquisitionMethod)methodIndex,
            Donors = donors,
            Date = date,
            Terms = Blank(values["kosullar"]),
            Description = Blank(values["aciklama"]) is null && Blank(values["aciklama-en"]) is null ? null : new LocalizedText(Blank(values["aciklama"]) ?? "", Blank(values["aciklama-en"])),
            Records = records,
        };
    }

    private static bool IsIdentifier(string text)
    {
        try
        {
            Archive.Storage.Archive.Checked(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string ListPage(List<Accession> accessions, Dictionary<string, string> names)
    {
        var body = new StringBuilder($"<h1>{T("Accession_List")}</h1>")
            .Append($"<p><a href=\"{Root}/yeni\">{T("Accession_New")}</a></p>")
            .Append($"<p role=\"status\">{T("Accession_Count", accessions.Count.ToString("N0"))}</p>");
        if (accessions.Count == 0) return body.ToString();
        body.Append($"<table><caption>{T("Accession_Caption")}</caption><thead><tr><th scope=\"col\">{T("Accession_Number")}</th><th scope=\"col\">{T("Accession_Method")}</th><th scope=\"col\">{T("Accession_Donors")}</th><th scope=\"col\">{T("Diff_tarih")}</th><th scope=\"col\">{T("Accession_Records")}</th></tr></thead><tbody>");
        foreach (var a in accessions.OrderByDescending(a => a.Date?.Earliest).ThenBy(a => a.Id, StringComparer.Ordinal))
            body.Append($"<tr><td><a href=\"{H(Url(a.Id))}\">{H(a.Id)}</a></td><td>{H(MethodName(a.Method))}</td>")
                .Append($"<td>{H(string.Join(", ", a.Donors.Select(d => names.GetValueOrDefault(d, d))))}</td><td>{H(a.Date?.Text)}</td><td>{a.Records.Count:N0}</td></tr>");
        return body.Append("</tbody></table>").ToString();
    }

    private static string FormPage(HttpContext context, Versioned<Accession>? current, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? errors)
    {
        string? V(string f) => values.GetValueOrDefault(f);
        string? E(string f) => errors?.GetValueOrDefault(f);
        var body = new StringBuilder(current is null ? $"<h1>{T("Accession_New")}</h1>" : $"<h1>{H(T("Accession_Title", current.Value.Id))}</h1><p>{T("Record_Version")} v{current.Version} · <a href=\"{H(Url(current.Value.Id))}/gecmis\">{T("Record_History")}</a></p>");
        body.Append(ErrorSummary(errors))
            .Append($"<form method=\"post\" action=\"{(current is null ? Root + "/yeni" : H(Url(current.Value.Id)))}\">{Token(context)}");
        if (current is null) body.Append(Field("kimlik", T("Accession_IdLabel"), V("kimlik"), extra: " required placeholder=\"2024-001\"", error: E("kimlik")));
        else body.Append($"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">");
        body.Append(Select("yontem", T("Accession_MethodLabel"), Methods, V("yontem"), E("yontem")))
            .Append(TextArea("bagiscilar", T("Accession_Donors"), V("bagiscilar"), 2, T("Accession_DonorsHint"), E("bagiscilar"), " required"))
            .Append(Field("tarih", T("Field_Date"), V("tarih"), error: E("tarih")))
            .Append(TextArea("kosullar", T("Accession_Terms"), V("kosullar"), 3, T("Accession_TermsHint")))
            .Append(TextArea("aciklama", T("Field_Description"), V("aciklama"), 3))
            .Append(TextArea("aciklama-en", T("Field_DescriptionEn"), V("aciklama-en"), 3, extra: " lang=\"en\""))
            .Append(TextArea("kayitlar", T("Accession_RecordsLabel"), V("kayitlar"), 4, T("Accession_RecordsHint"), E("kayitlar")))
            .Append(Field("neden", T("Field_Reason"), ""))
            .Append($"<p><button type=\"submit\">{T("Save")}</button></p></form>");
        return body.ToString();
    }
}
