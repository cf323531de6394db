using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The authority pages' markup: the list, the form, the history and one old version.</summary>
public static partial class AuthorityEditor
{
    public const int ListLimit = 200;

    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["kaydedildi"] = "Kaydedildi.",
        ["geri-alindi"] = "Eski sürüm yeni bir sürüm olarak kaydedildi.",
        ["degismedi"] = "Seçilen sürüm şimdikiyle aynı; yeni sürüm yazılmadı.",
        ["birlestirildi"] = "Birleştirildi: kayıtlar, ilişkiler ve bağışlar bu otoriteye taşındı.",
    };

    private static readonly (string Value, string Label)[] KindOptions =
        [("", "Hepsi"), ("person", "Kişiler"), ("institution", "Kurumlar"), ("place", "Mekânlar")];

    private static IResult ListPage(HttpContext context, List<Authority> all, string? q, string? tur)
    {
        var (_, role) = KatalogServices.Who(context.User);
        var kind = Vocabulary.Kinds.TryGetValue(tur ?? "", out var k) ? k : (AuthorityKind?)null;
        var folded = TurkishText.Fold(q ?? "");
        var found = all
            .Where(a => a.MergedInto is null && (kind is null || a.Kind == kind))
            .Where(a => folded.Length == 0 || a.AllNames.Any(n => TurkishText.Fold(n).Contains(folded, StringComparison.Ordinal)) || a.Id == q)
            .OrderBy(a => a.Name, TurkishText.Alphabetical)
            .ToList();
        var body = new StringBuilder("<h1>Otoriteler</h1>");
        if (RecordWorkflow.IsCataloguer(role))
            body.Append($"<p><a href=\"{Root}/yeni?tur=person\">Yeni kişi</a> · <a href=\"{Root}/yeni?tur=institution\">Yeni kurum</a> · <a href=\"{Root}/yeni?tur=place\">Yeni mekân</a></p>");
        body.Append($"<form method=\"get\" action=\"{Root}\" role=\"search\">")
            .Append(Field("q", "Ad", q, "search"))
            .Append(Select("tur", "Tür", KindOptions, tur ?? ""))
            .Append("<p><button type=\"submit\">Ara</button></p></form>");
        body.Append($"<p role=\"status\" id=\"sonuc-sayisi\">{found.Count:N0} otorite</p>");
        if (found.Count > 0)
        {
            body.Append("<table><caption>Otoriteler</caption><thead><tr><th scope=\"col\">Ad</th><th scope=\"col\">Tür</th><th scope=\"col\">Tarihler</th><th scope=\"col\">Kimlik</th></tr></thead><tbody>");
            foreach (var a in found.Take(ListLimit))
                body.Append($"<tr><td><a href=\"{H(Url(a.Id))}\">{H(a.Name)}</a></td><td>{H(AuthorityForm.KindName(a.Kind))}</td><td>{H(a.Dates?.Text)}</td><td>{H(a.Id)}</td></tr>");
            body.Append("</tbody></table>");
            if (found.Count > ListLimit) body.Append($"<p>İlk {ListLimit} gösteriliyor; aramayı daraltın.</p>");
        }
        return Render(context, "Otoriteler", body.ToString());
    }

    private static string NewForm(HttpContext context, AuthorityKind kind, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? errors) =>
        $"<h1>Yeni {H(AuthorityForm.KindName(kind))}</h1>" + ErrorSummary(errors)
        + $"<form method=\"post\" action=\"{Root}/yeni\">{Token(context)}<input type=\"hidden\" name=\"tur\" value=\"{kind.Code()}\">"
        + FormFields(context, kind, values, errors) + "<p><button type=\"submit\">Kaydet</button></p></form>";

    private static async Task<string> EditPage(HttpContext context, Archive.Storage.Archive archive, Versioned<Authority> current, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string>? errors, string? done, CancellationToken ct)
    {
        var a = current.Value;
        var (_, role) = KatalogServices.Who(context.User);
        var body = new StringBuilder($"<h1>{H(a.Name)}</h1>");
        if (done is not null && Done.TryGetValue(done, out var message)) body.Append($"<p role=\"status\">{H(message)}</p>");
        body.Append($"<p>{H(AuthorityForm.KindName(a.Kind))} · kimlik <code>{H(a.Id)}</code> · sürüm v{current.Version} · son değiştiren {H(a.ChangedBy)}</p>");
        body.Append($"<p><a href=\"{Root}\">Bütün otoriteler</a> · <a href=\"{H(Url(a.Id))}/gecmis\">Geçmiş</a>");
        if (a.MergedInto is null && RecordWorkflow.IsCataloguer(role)) body.Append($" · <a href=\"{H(Url(a.Id))}/birlestir\">Başka bir otoriteyle birleştir</a>");
        body.Append("</p>");
        if (a.MergedInto is { } survivor)
        {
            var target = await archive.GetAuthorityAsync(survivor, ct);
            body.Append($"<p role=\"note\">Bu otorite bir kopyaydı ve <a href=\"{H(Url(survivor))}\">{H(target?.Value.Name ?? survivor)}</a> ile birleştirildi. Adresi oraya yönlenir.</p>");
            return body.ToString();
        }
        if (a.Relations.Count > 0)
        {
            body.Append("<h2>İlişkiler</h2><ul>");
            foreach (var relation in a.Relations)
            {
                var target = await archive.GetAuthorityAsync(relation.TargetId, ct);
                body.Append($"<li>{H(AuthorityForm.RelationLabels[relation.Type])}: <a href=\"{H(Url(relation.TargetId))}\">{H(target?.Value.Name ?? relation.TargetId)}</a>")
                    .Append(relation.Period is null ? "" : $" ({H(relation.Period.Text)})").Append("</li>");
            }
            body.Append("</ul>");
        }
        if (!RecordWorkflow.IsCataloguer(role))
        {
            body.Append("<h2>Bilgiler</h2><dl>");
            foreach (var (field, label) in Labels(a.Kind))
                if (values.GetValueOrDefault(field) is { Length: > 0 } value) body.Append($"<dt>{H(label)}</dt><dd>{H(value).Replace("\n", "<br>")}</dd>");
            return body.Append("</dl>").ToString();
        }
        body.Append("<h2>Düzenle</h2>").Append(ErrorSummary(errors))
            .Append($"<form method=\"post\" action=\"{H(Url(a.Id))}\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">")
            .Append(FormFields(context, a.Kind, values, errors))
            .Append(Field("neden", "Değişikliğin nedeni", ""))
            .Append("<p><button type=\"submit\">Kaydet</button></p></form>");
        return body.ToString();
    }

    private static IEnumerable<(string Field, string Label)> Labels(AuthorityKind kind)
    {
        yield return ("ad", "Tercih edilen ad");
        yield return ("adlar", "Diğer ve tarihî adlar");
        yield return ("tarihler", kind == AuthorityKind.Person ? "Yaşam tarihleri (EDTF)" : "Var olduğu dönem (EDTF)");
        yield return ("altur", kind switch { AuthorityKind.Person => "Meslek", AuthorityKind.Institution => "Kurum türü", _ => "Mekân türü" });
        yield return ("aciklama", "Açıklama");
        yield return ("aciklama-en", "Açıklama (İngilizce)");
        yield return ("iliskiler", "İlişkiler");
        yield return ("wikidata", "Wikidata kimliği");
        yield return ("viaf", "VIAF kimliği");
        yield return ("geonames", "GeoNames kimliği");
        if (kind != AuthorityKind.Place) yield break;
        yield return ("enlem", "Enlem");
        yield return ("boylam", "Boylam");
        yield return ("bagli", "Bağlı olduğu yer");
    }

    private static string FormFields(HttpContext context, AuthorityKind kind, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? errors)
    {
        string? V(string f) => values.GetValueOrDefault(f);
        string? E(string f) => errors?.GetValueOrDefault(f);
        var labels = Labels(kind).ToDictionary(l => l.Field, l => l.Label);
        var html = new StringBuilder()
            .Append(Field("ad", labels["ad"], V("ad"), extra: " required", error: E("ad")))
            .Append(TextArea("adlar", labels["adlar"], V("adlar"), 3, "Her satıra bir ad; kullanıldığı dönem biliniyorsa '|' ile: Punta | ../1930", E("adlar")))
            .Append(Field("tarihler", labels["tarihler"], V("tarihler"), error: E("tarihler")))
            .Append(Field("altur", labels["altur"], V("altur")))
            .Append(TextArea("aciklama", labels["aciklama"], V("aciklama"), 4))
            .Append(TextArea("aciklama-en", labels["aciklama-en"], V("aciklama-en"), 4, extra: " lang=\"en\""))
            .Append(TextArea("iliskiler", labels["iliskiler"], V("iliskiler"), 3,
                "Her satıra bir ilişki: tür | hedefin kimliği veya adı | dönem (isteğe bağlı). Türler: "
                + string.Join(", ", AuthorityForm.RelationLabels.Select(r => $"{r.Key.Code()} ({r.Value})")), E("iliskiler")))
            .Append(Field("wikidata", labels["wikidata"], V("wikidata"), extra: " placeholder=\"Q1297\"", error: E("wikidata")))
            .Append(Field("viaf", labels["viaf"], V("viaf"), extra: " inputmode=\"numeric\"", error: E("viaf")))
            .Append(Field("geonames", labels["geonames"], V("geonames"), extra: " inputmode=\"numeric\"", error: E("geonames")));
        if (kind == AuthorityKind.Place)
            html.Append("<fieldset><legend>Konum (WGS84 ondalık derece)</legend>")
                .Append(Field("enlem", labels["enlem"], V("enlem"), extra: " inputmode=\"decimal\" placeholder=\"38.4237\"", error: E("enlem")))
                .Append(Field("boylam", labels["boylam"], V("boylam"), extra: " inputmode=\"decimal\" placeholder=\"27.1428\"", error: E("boylam")))
                .Append(MapPicker(context, "enlem", "boylam"))
                .Append("</fieldset>")
                .Append(Field("bagli", labels["bagli"], V("bagli"), error: E("bagli")));
        return html.ToString();
    }

    private static string HistoryPage(HttpContext context, Versioned<Authority> current, IReadOnlyList<OcflVersion> versions)
    {
        var (_, role) = KatalogServices.Who(context.User);
        var id = current.Value.Id;
        var body = new StringBuilder($"<h1>Geçmiş: {H(current.Value.Name)}</h1><p><a href=\"{H(Url(id))}\">Otoriteye dön</a></p>");
        body.Append("<table><caption>Sürümler, en yenisi önce</caption><thead><tr><th scope=\"col\">Sürüm</th><th scope=\"col\">Ne zaman (UTC)</th><th scope=\"col\">Kim</th><th scope=\"col\">Neden</th><th scope=\"col\">İşlem</th></tr></thead><tbody>");
        foreach (var v in versions.OrderByDescending(v => v.Number))
        {
            body.Append($"<tr><td><a href=\"{H(Url(id))}/gecmis/{v.Number}\">v{v.Number}</a></td><td>{v.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(v.User)}</td><td>{H(v.Message)}</td><td>");
            if (v.Number != current.Version && current.Value.MergedInto is null && RecordWorkflow.IsCataloguer(role))
                body.Append($"<form method=\"post\" action=\"{H(Url(id))}/geri-al\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\"><input type=\"hidden\" name=\"hedef\" value=\"{v.Number}\">")
                    .Append($"<label for=\"neden-{v.Number}\">Neden</label> <input id=\"neden-{v.Number}\" name=\"neden\" type=\"text\"> ")
                    .Append($"<button type=\"submit\">v{v.Number} sürümüne dön</button></form>");
            body.Append("</td></tr>");
        }
        return body.Append("</tbody></table>").ToString();
    }

    private static string VersionPage(string id, int version, Authority old)
    {
        var values = AuthorityForm.Values(old);
        var body = new StringBuilder($"<h1>{H(old.Name)}: v{version}</h1><p><a href=\"{H(Url(id))}/gecmis\">Geçmişe dön</a></p><dl>");
        foreach (var (field, label) in Labels(old.Kind))
            if (values.GetValueOrDefault(field) is { Length: > 0 } value) body.Append($"<dt>{H(label)}</dt><dd>{H(value).Replace("\n", "<br>")}</dd>");
        if (old.MergedInto is not null) body.Append($"<dt>Birleştirildiği otorite</dt><dd>{H(old.MergedInto)}</dd>");
        return body.Append("</dl>").ToString();
    }
}
