using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The record page of the catalogue: the describe form, pages, review, readiness and workflow buttons.</summary>
public static partial class RecordEditor
{
    /// <summary>The status message key for each <c>durum</c> an action redirects with.</summary>
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["kaydedildi"] = "Done_Saved",
        ["son"] = "Done_SavedLast",
        ["gonderildi"] = "Done_Submitted",
        ["iade-edildi"] = "Done_Returned",
        ["yayimlandi"] = "Done_Published",
        ["geri-cekildi"] = "Done_Withdrawn",
        ["sayfalar"] = "Done_Pages",
        ["geri-alindi"] = "Done_Reverted",
        ["europeana"] = "Done_Europeana",
    };

    /// <summary>The whole record page; <paramref name="posted"/> carries a refused form to show again with its messages.</summary>
    private static async Task<string> PageAsync(HttpContext context, Versioned<Record>? current, FormValues? posted, string? done)
    {
        var record = current?.Value;
        var (user, role) = KatalogServices.Who(context.User);
        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        var names = await AuthorityNamesAsync(archive, record?.Authorities.Select(a => a.AuthorityId) ?? [], context.RequestAborted);
        var values = posted ?? (record is null ? new FormValues(new()) : FormValues.From(record, id => names.GetValueOrDefault(id, id)));
        var notes = record is { State: WorkflowState.Draft } ? await ReviewNotes.GetAsync(archive, record.Identifier, context.RequestAborted) : null;

        var body = new StringBuilder();
        body.Append($"<h1>{H(record is null ? T("Frame_NewRecord") : record.Identifier)}</h1>");
        if (done is not null && Done.TryGetValue(done, out var message)) body.Append($"<p role=\"status\">{H(T(message))}</p>");
        if (values.Errors.Count > 0)
        {
            body.Append($"<div role=\"alert\" class=\"error-summary\"><p>{T("Record_NotSaved")}</p><ul>");
            foreach (var (key, text) in values.Errors) body.Append($"<li><a href=\"#{H(key)}\">{H(text)}</a></li>");
            body.Append("</ul></div>");
        }
        if (record is not null)
        {
            body.Append($"<p>{T("Record_State")}: <strong id=\"durum\">{H(RecordWorkflow.StateName(record.State))}</strong> · {T("Record_Version")} v{current!.Version} · {H(record.ChangedBy)}")
                .Append($" · <a href=\"{H(Url(record.Identifier))}/gecmis\">{T("Record_History")}</a> · <a href=\"{H(Url(record.Identifier))}/onizleme\">{T("Record_Preview")}</a></p>");
            if (notes is not null) body.Append(ReviewNotes.Summary(notes));
        }
        var cataloguer = RecordWorkflow.IsCataloguer(role);
        if (record is { State: WorkflowState.InReview } && cataloguer) body.Append(await RecordReview.PanelAsync(context, current!, names));

        var editable = record is null || cataloguer || (record.CreatedBy == user && record.State == WorkflowState.Draft);
        // Scans first, then the description: the title has focus on arrival and Shift+Tab reaches the upload.
        if (record is not null) body.Append(RecordPages.Panel(context, current!, editable));
        if (editable) body.Append(DescribeFields(context, current, values, notes));
        else if (record is not null) body.Append(RecordDiff.Table(RecordDiff.Compare(null, record, id => names.GetValueOrDefault(id, id)), T("Record_Caption"), "", T("Diff_Value")));
        if (record is null) return body.ToString();
        body.Append(Ocr.SuggestionsPanel.Render(context, current!));

        body.Append(await EuropeanaReadiness.PanelAsync(context, current!, cataloguer));
        if (record.State == WorkflowState.Draft && (cataloguer || record.CreatedBy == user))
            body.Append(StepForm(context, current!, "gonder", T("Step_Submit"), accesskey: "g"));
        if (cataloguer && record.State == WorkflowState.Withdrawn)
            body.Append(StepForm(context, current!, "yayinla", T("Step_Republish")));
        if (cataloguer && record.State == WorkflowState.Published)
            body.Append(StepForm(context, current!, "geri-cek", T("Step_Withdraw"), Field("geri-cek-yorum", T("Step_WithdrawReason"), "", extra: " required").Replace("name=\"geri-cek-yorum\"", "name=\"yorum\"")));
        return body.ToString();
    }

    internal static string DescribeFields(HttpContext context, Versioned<Record>? current, FormValues v, ReviewNotes? notes)
    {
        var record = current?.Value;
        string Input(string id, string label, string extra = "", string type = "text") => Labelled(id, label, v, notes,
            $"<input id=\"{id}\" name=\"{id}\" type=\"{type}\" value=\"{H(v[id])}\"{extra}{Described(id, v, notes)}>");
        var body = new StringBuilder($"<form method=\"post\" id=\"tanim\" class=\"describe\" action=\"{H(record is null ? "/katalog/kayit/yeni" : Url(record.Identifier))}\" novalidate>").Append(Token(context));
        if (record is null) body.Append(Input("kimlik", T("Field_Identifier"), " required autofocus"));
        else body.Append(VersionField(current!));
        body.Append(Input("baslik", T("Field_Title"), " required" + (record is null ? "" : " autofocus")))
            .Append(Input("baslik-en", T("Field_TitleEn"), " lang=\"en\""))
            .Append(Input("tarih", T("Field_Date"), " data-edtf=\"tarih-okuma\" autocomplete=\"off\" aria-describedby=\"tarih-okuma\"").Replace(" aria-describedby=\"tarih-okuma\" aria-describedby=\"", " aria-describedby=\"tarih-okuma "))
            .Append($"<p><output id=\"tarih-okuma\" for=\"tarih\" aria-live=\"polite\">{H(Reading(v["tarih"]))}</output></p>")
            .Append(Select("duzey", T("Field_Level"), v, notes, Vocabulary.Levels.Select(l => (l.Key, T("Level_" + l.Value))), v["duzey"].Length == 0 ? "item" : v["duzey"]))
            .Append(Input("ust", T("Field_Parent"), " data-parent-search autocomplete=\"off\""))
            .Append(Select("tur", T("Field_Type"), v, notes, [("", "—"), .. Vocabulary.Types.Keys.Select(code => (code, T("Type_" + code)))], v["tur"]))
            .Append(Input("cins", T("Field_Genre")))
            .Append(Labelled("aciklama", T("Field_Description"), v, notes, $"<textarea id=\"aciklama\" name=\"aciklama\" rows=\"6\"{Described("aciklama", v, notes)}>{H(v["aciklama"])}</textarea>"))
            .Append(Labelled("aciklama-en", T("Field_DescriptionEn"), v, notes, $"<textarea id=\"aciklama-en\" name=\"aciklama-en\" rows=\"3\" lang=\"en\"{Described("aciklama-en", v, notes)}>{H(v["aciklama-en"])}</textarea>"))
            .Append(Input("dil", T("Field_Languages")))
            .Append(Axes(v, notes))
            .Append(Input("konu", T("Field_Subjects")))
            .Append(AuthorityRows(v, notes))
            .Append(RightsChooser.Render(v["haklar"] == RightsChooser.Other ? v["haklar-diger"] : v["haklar"], v.Errors.GetValueOrDefault("haklar")));
        if (notes?.Fields.GetValueOrDefault("haklar") is { } rightsNote) body.Append($"<p class=\"review-note\">{T("Review_Note")}: {H(rightsNote)}</p>");
        if (record is not null) body.Append(Input("neden", T("Field_Reason")));
        body.Append($"<p class=\"actions\"><button type=\"submit\" accesskey=\"s\" title=\"{T("Save_Keys")}\">{T("Save")}</button> ");
        if (record is not null) body.Append($"<button type=\"submit\" name=\"sonraki\" value=\"1\" accesskey=\"n\" title=\"Alt+N\">{T("Save_Next")}</button>");
        return body.Append("</p></form>").ToString();
    }

    private static string Reading(string date) =>
        date.Trim().Length == 0 ? "" : EdtfDate.TryParse(date.Trim(), out var parsed, out _) ? parsed.Describe(Current.Code) : T("Date_NotEdtf");

    private static string Described(string id, FormValues v, ReviewNotes? notes)
    {
        var ids = new List<string>();
        if (v.Errors.ContainsKey(id)) ids.Add(id + "-error");
        if (notes?.Fields.ContainsKey(id) == true) ids.Add(id + "-not");
        return (v.Errors.ContainsKey(id) ? " aria-invalid=\"true\"" : "") + (ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"");
    }

    private static string Labelled(string id, string label, FormValues v, ReviewNotes? notes, string control)
    {
        var html = new StringBuilder($"<p><label for=\"{id}\">{H(label)}</label> {control}");
        if (v.Errors.TryGetValue(id, out var error)) html.Append($" <span id=\"{id}-error\" class=\"error\">{H(error)}</span>");
        if (notes?.Fields.TryGetValue(id, out var note) == true) html.Append($" <span id=\"{id}-not\" class=\"review-note\">{T("Review_Note")}: {H(note)}</span>");
        return html.Append("</p>").ToString();
    }

    private static string Select(string id, string label, FormValues v, ReviewNotes? notes, IEnumerable<(string Code, string Label)> options, string selected)
    {
        var html = new StringBuilder($"<select id=\"{id}\" name=\"{id}\"{Described(id, v, notes)}>");
        foreach (var (code, text) in options) html.Append($"<option value=\"{H(code)}\"{(code == selected ? " selected" : "")}>{H(text)}</option>");
        return Labelled(id, label, v, notes, html.Append("</select>").ToString());
    }

    private static string Axes(FormValues v, ReviewNotes? notes)
    {
        var chosen = v.All("eksen");
        var html = new StringBuilder($"<fieldset id=\"eksen\"{Described("eksen", v, notes)}><legend>{T("Field_Axes")}</legend>");
        var i = 0;
        foreach (var (code, axis) in Vocabulary.Axes)
            html.Append($"<input type=\"checkbox\" id=\"eksen-{i}\" name=\"eksen\" value=\"{H(code)}\"{(chosen.Contains(code) ? " checked" : "")}> <label for=\"eksen-{i++}\">{H(T("Axis_" + axis))}</label> ");
        if (v.Errors.TryGetValue("eksen", out var error)) html.Append($"<span id=\"eksen-error\" class=\"error\">{H(error)}</span>");
        if (notes?.Fields.TryGetValue("eksen", out var note) == true) html.Append($"<span id=\"eksen-not\" class=\"review-note\">{T("Review_Note")}: {H(note)}</span>");
        return html.Append("</fieldset>").ToString();
    }

    /// <summary>One row per link plus blank rows; a row is kind, name (autocompleted by script), role and "create new".</summary>
    private static string AuthorityRows(FormValues v, ReviewNotes? notes)
    {
        var rows = 0;
        while (rows < DescribeForm.MaxAuthorityRows && (v[$"yetke-{rows}-ad"].Length > 0 || v[$"yetke-{rows}-kimlik"].Length > 0)) rows++;
        var html = new StringBuilder($"<fieldset id=\"yetke\"{Described("yetke", v, notes)}><legend>{T("Field_Authorities")}</legend>");
        if (notes?.Fields.TryGetValue("yetke", out var note) == true) html.Append($"<p id=\"yetke-not\" class=\"review-note\">{T("Review_Note")}: {H(note)}</p>");
        for (var i = 0; i < rows + DescribeForm.BlankAuthorityRows; i++)
        {
            var key = $"yetke-{i}";
            var kind = v[key + "-tur"].Length == 0 ? "person" : v[key + "-tur"];
            html.Append($"<div class=\"authority-row\" data-authority-row>")
                .Append(Select(key + "-tur", T("Field_RowKind", i + 1), v, null, Vocabulary.Kinds.Select(k => (k.Key, RecordDiff.KindName(k.Value))), kind))
                .Append(Labelled(key + "-ad", T("Field_RowName", i + 1), v, null,
                    $"<input id=\"{key}-ad\" name=\"{key}-ad\" type=\"text\" value=\"{H(v[key + "-ad"])}\" data-authority-search=\"{key}\" autocomplete=\"off\"{Described(key + "-ad", v, null)}>"))
                .Append($"<input type=\"hidden\" id=\"{key}-kimlik\" name=\"{key}-kimlik\" value=\"{H(v[key + "-kimlik"])}\">")
                .Append(Select(key + "-rol", T("Field_RowRole", i + 1), v, null, DescribeForm.Roles.Select(r => (r.Code, T(r.LabelKey))), v[key + "-rol"]))
                .Append($"<p><input type=\"checkbox\" id=\"{key}-yeni\" name=\"{key}-yeni\" value=\"1\"{(v[key + "-yeni"] == "1" ? " checked" : "")}> <label for=\"{key}-yeni\">{T("Field_RowCreate")}</label></p>")
                .Append("</div>");
        }
        return html.Append("</fieldset>").ToString();
    }

    private static async Task<Dictionary<string, string>> AuthorityNamesAsync(Archive.Storage.Archive archive, IEnumerable<string> ids, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct())
            if (await archive.GetAuthorityAsync(id, ct) is { } authority) names[id] = authority.Value.Name;
        return names;
    }

    private static string VersionField(Versioned<Record> current) => $"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">";

    private static string StepForm(HttpContext context, Versioned<Record> current, string step, string label, string fields = "", string? accesskey = null) =>
        $"<form method=\"post\" action=\"{H(Url(current.Value.Identifier))}/{step}\">{Token(context)}{VersionField(current)}{fields}<p><button type=\"submit\"{(accesskey is null ? "" : $" accesskey=\"{accesskey}\" title=\"Alt+{accesskey.ToUpperInvariant()}\"")}>{H(label)}</button></p></form>";
}
