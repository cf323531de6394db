using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The authority pages' markup: the list, the form, the history and one old version.</summary>
public static partial class AuthorityEditor
{
    public const int ListLimit = 200;

    /// <summary>The status message key for each <c>durum</c> an action redirects with.</summary>
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["kaydedildi"] = "Done_Saved",
        ["geri-alindi"] = "Authority_Done_Reverted",
        ["degismedi"] = "Authority_Done_Unchanged",
        ["birlestirildi"] = "Authority_Done_Merged",
    };

    private static (string Value, string Label)[] KindOptions =>
        [("", T("Authority_All")), ("person", T("Authority_People")), ("institution", T("Authority_Institutions")), ("place", T("Authority_Places"))];

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
        var body = new StringBuilder($"<h1>{T("Authority_List")}</h1>");
        if (RecordWorkflow.IsCataloguer(role))
            body.Append($"<p><a href=\"{Root}/yeni?tur=person\">{T("Authority_NewPerson")}</a> · <a href=\"{Root}/yeni?tur=institution\">{T("Authority_NewInstitution")}</a> · <a href=\"{Root}/yeni?tur=place\">{T("Authority_NewPlace")}</a></p>");
        body.Append($"<form method=\"get\" action=\"{Root}\" role=\"search\">")
            .Append(Field("q", T("Authority_Name"), q, "search"))
            .Append(Select("tur", T("Authority_Kind"), KindOptions, tur ?? ""))
            .Append($"<p><button type=\"submit\">{T("Search")}</button></p></form>");
        body.Append($"<p role=\"status\" id=\"sonuc-sayisi\">{T("Authority_Count", found.Count.ToString("N0"))}</p>");
        if (found.Count > 0)
        {
            body.Append($"<table><caption>{T("Authority_List")}</caption><thead><tr><th scope=\"col\">{T("Authority_Name")}</th><th scope=\"col\">{T("Authority_Kind")}</th><th scope=\"col\">{T("AuthorityForm_Dates")}</th><th scope=\"col\">{T("Authority_Id")}</th></tr></thead><tbody>");
            foreach (var a in found.Take(ListLimit))
                body.Append($"<tr><td><a href=\"{H(Url(a.Id))}\">{H(a.Name)}</a></td><td>{H(AuthorityForm.KindName(a.Kind))}</td><td>{H(a.Dates?.Text)}</td><td>{H(a.Id)}</td></tr>");
            body.Append("</tbody></table>");
            if (found.Count > ListLimit) body.Append($"<p>{T("Authority_ListLimited", ListLimit)}</p>");
        }
        return Render(context, T("Authority_List"), body.ToString());
    }

    private static string NewForm(HttpContext context, AuthorityKind kind, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? errors) =>
        $"<h1>{T("Authority_New")}: {H(AuthorityForm.KindName(kind))}</h1>" + ErrorSummary(errors)
        + $"<form method=\"post\" action=\"{Root}/yeni\">{Token(context)}<input type=\"hidden\" name=\"tur\" value=\"{kind.Code()}\">"
        + FormFields(context, kind, values, errors) + $"<p><button type=\"submit\">{T("Save")}</button></p></form>";

    private static async Task<string> EditPage(HttpContext context, Archive.Storage.Archive archive, Versioned<Authority> current, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string>? errors, string? done, CancellationToken ct)
    {
        var a = current.Value;
        var (_, role) = KatalogServices.Who(context.User);
        var body = new StringBuilder($"<h1>{H(a.Name)}</h1>");
        if (done is not null && Done.TryGetValue(done, out var message)) body.Append($"<p role=\"status\">{H(T(message))}</p>");
        body.Append($"<p>{H(AuthorityForm.KindName(a.Kind))} · {T("Authority_IdWord")} <code>{H(a.Id)}</code> · {T("Record_Version")} v{current.Version} · {T("Authority_ChangedBy")} {H(a.ChangedBy)}</p>");
        body.Append($"<p><a href=\"{Root}\">{T("Authority_AllLink")}</a> · <a href=\"{H(Url(a.Id))}/gecmis\">{T("Record_History")}</a>");
        if (a.MergedInto is null && RecordWorkflow.IsCataloguer(role)) body.Append($" · <a href=\"{H(Url(a.Id))}/birlestir\">{T("Authority_MergeLink")}</a>");
        body.Append("</p>");
        if (a.MergedInto is { } survivor)
        {
            var target = await archive.GetAuthorityAsync(survivor, ct);
            body.Append($"<p role=\"note\">{T("Authority_MergedNote", $"<a href=\"{H(Url(survivor))}\">{H(target?.Value.Name ?? survivor)}</a>")}</p>");
            return body.ToString();
        }
        if (a.Relations.Count > 0)
        {
            body.Append($"<h2>{T("AuthorityLabel_iliskiler")}</h2><ul>");
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
            body.Append($"<h2>{T("Authority_Details")}</h2><dl>");
            foreach (var (field, label) in Labels(a.Kind))
                if (values.GetValueOrDefault(field) is { Length: > 0 } value) body.Append($"<dt>{H(label)}</dt><dd>{H(value).Replace("\n", "<br>")}</dd>");
            return body.Append("</dl>").ToString();
        }
        body.Append($"<h2>{T("Authority_Edit")}</h2>").Append(ErrorSummary(errors))
            .Append($"<form method=\"post\" action=\"{H(Url(a.Id))}\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">")
            .Append(FormFields(context, a.Kind, values, errors))
            .Append(Field("neden", T("Field_Reason"), ""))
            .Append($"<p><button type=\"submit\">{T("Save")}</button></p></form>");
        return body.ToString();
    }

    private static IEnumerable<(string Field, string Label)> Labels(AuthorityKind kind)
    {
        yield return ("ad", T("AuthorityLabel_ad"));
        yield return ("adlar", T("AuthorityLabel_adlar"));
        yield return ("tarihler", T(kind == AuthorityKind.Person ? "AuthorityLabel_tarihler_Person" : "AuthorityLabel_tarihler"));
        yield return ("altur", T("AuthorityLabel_altur_" + kind));
        yield return ("aciklama", T("Field_Description"));
        yield return ("aciklama-en", T("Field_DescriptionEn"));
        yield return ("iliskiler", T("AuthorityLabel_iliskiler"));
        yield return ("wikidata", T("AuthorityLabel_wikidata"));
        yield return ("viaf", T("AuthorityLabel_viaf"));
        yield return ("geonames", T("AuthorityLabel_geonames"));
        if (kind != AuthorityKind.Place) yield break;
        yield return ("enlem", T("AuthorityLabel_enlem"));
        yield return ("boylam", T("AuthorityLabel_boylam"));
        yield return ("bagli", T("AuthorityLabel_bagli"));
    }

    private static string FormFields(HttpContext context, AuthorityKind kind, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? errors)
    {
        string? V(string f) => values.GetValueOrDefault(f);
        string? E(string f) => errors?.GetValueOrDefault(f);
        var labels = Labels(kind).ToDictionary(l => l.Field, l => l.Label);
        var html = new StringBuilder()
            .Append(Field("ad", labels["ad"], V("ad"), extra: " required", error: E("ad")))
            .Append(TextArea("adlar", labels["adlar"], V("adlar"), 3, T("AuthorityHint_adlar"), E("adlar")))
            .Append(Field("tarihler", labels["tarihler"], V("tarihler"), error: E("tarihler")))
            .Append(Field("altur", labels["altur"], V("altur")))
            .Append(TextArea("aciklama", labels["aciklama"], V("aciklama"), 4))
            .Append(TextArea("aciklama-en", labels["aciklama-en"], V("aciklama-en"), 4, extra: " lang=\"en\""))
            .Append(TextArea("iliskiler", labels["iliskiler"], V("iliskiler"), 3,
                T("AuthorityHint_iliskiler") + " "
                + string.Join(", ", AuthorityForm.RelationLabels.Select(r => $"{r.Key.Code()} ({r.Value})")), E("iliskiler")))
            .Append(Field("wikidata", labels["wikidata"], V("wikidata"), extra: " placeholder=\"Q1297\"", error: E("wikidata")))
            .Append(Field("viaf", labels["viaf"], V("viaf"), extra: " inputmode=\"numeric\"", error: E("viaf")))
            .Append(Field("geonames", labels["geonames"], V("geonames"), extra: " inputmode=\"numeric\"", error: E("geonames")));
        if (kind == AuthorityKind.Place)
            html.Append($"<fieldset><legend>{T("Authority_Location")}</legend>")
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
        var body = new StringBuilder($"<h1>{T("Record_History")}: {H(current.Value.Name)}</h1><p><a href=\"{H(Url(id))}\">{T("Authority_Back")}</a></p>");
        body.Append($"<table><caption>{T("History_Caption")}</caption><thead><tr><th scope=\"col\">{T("History_Version")}</th><th scope=\"col\">{T("History_When")}</th><th scope=\"col\">{T("History_Who")}</th><th scope=\"col\">{T("History_Why")}</th><th scope=\"col\">{T("Authority_Action")}</th></tr></thead><tbody>");
        foreach (var v in versions.OrderByDescending(v => v.Number))
        {
            body.Append($"<tr><td><a href=\"{H(Url(id))}/gecmis/{v.Number}\">v{v.Number}</a></td><td>{v.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(v.User)}</td><td>{H(v.Message)}</td><td>");
            if (v.Number != current.Version && current.Value.MergedInto is null && RecordWorkflow.IsCataloguer(role))
                body.Append($"<form method=\"post\" action=\"{H(Url(id))}/geri-al\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\"><input type=\"hidden\" name=\"hedef\" value=\"{v.Number}\">")
                    .Append($"<label for=\"neden-{v.Number}\">{T("History_Why")}</label> <input id=\"neden-{v.Number}\" name=\"neden\" type=\"text\"> ")
                    .Append($"<button type=\"submit\">{T("Authority_RevertTo", $"v{v.Number}")}</button></form>");
            body.Append("</td></tr>");
        }
        return body.Append("</tbody></table>").ToString();
    }

    private static string VersionPage(string id, int version, Authority old)
    {
        var values = AuthorityForm.Values(old);
        var body = new StringBuilder($"<h1>{H(old.Name)}: v{version}</h1><p><a href=\"{H(Url(id))}/gecmis\">{T("Authority_BackToHistory")}</a></p><dl>");
        foreach (var (field, label) in Labels(old.Kind))
            if (values.GetValueOrDefault(field) is { Length: > 0 } value) body.Append($"<dt>{H(label)}</dt><dd>{H(value).Replace("\n", "<br>")}</dd>");
        if (old.MergedInto is not null) body.Append($"<dt>{T("Authority_MergedInto")}</dt><dd>{H(old.MergedInto)}</dd>");
        return body.Append("</dl>").ToString();
    }
}
