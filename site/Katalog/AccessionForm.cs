using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;

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
        if (methodIndex < 0) errors["yontem"] = "Edinim yolu bağış, emanet, satın alma veya devir olmalı.";

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
            if (donor is null) errors.TryAdd("bagiscilar", $"Bağışçılar, satır {number}: {error}");
            else if (donor is Place) errors.TryAdd("bagiscilar", $"Bağışçılar, satır {number}: '{donor.Name}' bir mekân; bağışçı bir kişi veya kurum olmalı.");
            else if (!donors.Contains(donor.Id)) donors.Add(donor.Id);
        }
        if (donors.Count == 0 && !errors.ContainsKey("bagiscilar")) errors["bagiscilar"] = "En az bir bağışçı (kişi veya kurum) yazın.";

        EdtfDate? date = null;
        if (Blank(values["tarih"]) is { } dateText && !EdtfDate.TryParse(dateText, out date, out var dateError))
            errors["tarih"] = $"Tarih: '{dateText}' bir EDTF tarihi değil ({dateError}).";

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
            if (record is null) errors.TryAdd("kayitlar", $"Kayıtlar, satır {number}: '{identifier}' kimlikli bir kayıt yok.");
            else if ((record.Value.Accession is { } linked && linked != id ? linked : listedElsewhere.GetValueOrDefault(identifier)) is { } other)
                errors.TryAdd("kayitlar", $"Kayıtlar, satır {number}: {identifier} zaten {other} numaralı edinime bağlı; önce oradan çıkarın.");
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
        var body = new StringBuilder("<h1>Bağışlar ve edinimler</h1>")
            .Append($"<p><a href=\"{Root}/yeni\">Yeni edinim</a></p>")
            .Append($"<p role=\"status\">{accessions.Count:N0} edinim</p>");
        if (accessions.Count == 0) return body.ToString();
        body.Append("<table><caption>Edinimler</caption><thead><tr><th scope=\"col\">Numara</th><th scope=\"col\">Yol</th><th scope=\"col\">Bağışçılar</th><th scope=\"col\">Tarih</th><th scope=\"col\">Kayıtlar</th></tr></thead><tbody>");
        foreach (var a in accessions.OrderByDescending(a => a.Date?.Earliest).ThenBy(a => a.Id, StringComparer.Ordinal))
            body.Append($"<tr><td><a href=\"{H(Url(a.Id))}\">{H(a.Id)}</a></td><td>{H(MethodName(a.Method))}</td>")
                .Append($"<td>{H(string.Join(", ", a.Donors.Select(d => names.GetValueOrDefault(d, d))))}</td><td>{H(a.Date?.Text)}</td><td>{a.Records.Count:N0}</td></tr>");
        return body.Append("</tbody></table>").ToString();
    }

    private static string FormPage(HttpContext context, Versioned<Accession>? current, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? errors)
    {
        string? V(string f) => values.GetValueOrDefault(f);
        string? E(string f) => errors?.GetValueOrDefault(f);
        var body = new StringBuilder(current is null ? "<h1>Yeni edinim</h1>" : $"<h1>Edinim {H(current.Value.Id)}</h1><p>sürüm v{current.Version} · <a href=\"{H(Url(current.Value.Id))}/gecmis\">Geçmiş</a></p>");
        body.Append(ErrorSummary(errors))
            .Append($"<form method=\"post\" action=\"{(current is null ? Root + "/yeni" : H(Url(current.Value.Id)))}\">{Token(context)}");
        if (current is null) body.Append(Field("kimlik", "Edinim numarası", V("kimlik"), extra: " required placeholder=\"2024-001\"", error: E("kimlik")));
        else body.Append($"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">");
        body.Append(Select("yontem", "Edinim yolu", Methods, V("yontem"), E("yontem")))
            .Append(TextArea("bagiscilar", "Bağışçılar", V("bagiscilar"), 2, "Her satıra bir kişi veya kurum: adı ya da kimliği", E("bagiscilar"), " required"))
            .Append(Field("tarih", "Tarih (EDTF)", V("tarih"), error: E("tarih")))
            .Append(TextArea("kosullar", "Koşullar", V("kosullar"), 3, "Kullanım, erişim ve iade koşulları"))
            .Append(TextArea("aciklama", "Açıklama", V("aciklama"), 3))
            .Append(TextArea("aciklama-en", "Açıklama (İngilizce)", V("aciklama-en"), 3, extra: " lang=\"en\""))
            .Append(TextArea("kayitlar", "Bu edinimden tanımlanan kayıtlar", V("kayitlar"), 4, "Her satıra bir kayıt kimliği (ör. SRR-0001)", E("kayitlar")))
            .Append(Field("neden", "Değişikliğin nedeni", ""))
            .Append("<p><button type=\"submit\">Kaydet</button></p></form>");
        return body.ToString();
    }
}
