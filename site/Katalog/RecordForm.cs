using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The record page of the catalogue: the describe form, pages, review, readiness and workflow buttons.</summary>
public static partial class RecordEditor
{
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["kaydedildi"] = "Kaydedildi.",
        ["son"] = "Kaydedildi. Bu dosyada sonraki birim yok.",
        ["gonderildi"] = "İncelemeye gönderildi.",
        ["iade-edildi"] = "Öğrenciye iade edildi.",
        ["yayimlandi"] = "Yayımlandı.",
        ["geri-cekildi"] = "Geri çekildi.",
        ["sayfalar"] = "Sayfalar kaydedildi.",
        ["geri-alindi"] = "Eski sürüme dönüldü (yeni bir sürüm olarak).",
        ["europeana"] = "Europeana işareti kaydedildi.",
    };

    private static readonly Dictionary<string, string> AxisLabels = new(StringComparer.Ordinal)
    {
        ["liman"] = "Liman",
        ["ticaret"] = "Ticaret",
        ["yaratıcılık"] = "Yaratıcılık",
    };

    /// <summary>The whole record page; <paramref name="posted"/> carries a refused form to show again with its messages.</summary>
    private static async Task<string> PageAsync(HttpContext context, Versioned<Record>? current, FormValues? posted, string? done)
    {
        var record = current?.Value;
        var (user, role) = KatalogServices.Who(context.User);
        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        var names = await AuthorityNamesAsync(archive, record?.Authorities.Select(a => a.AuthorityId) ?? [], context.RequestAborted);
        var values = posted ?? (record is null ? new FormValues(new()) : FormValues.From(record, id => names.GetValueOrDefault(id, id)));
        var notes = record is { State: WorkflowState.Draft } ? await ReviewNotes.GetAsync(archive.Repository.Store, record.Identifier, context.RequestAborted) : null;

        var body = new StringBuilder();
        body.Append($"<h1>{H(record is null ? "Yeni kayıt" : record.Identifier)}</h1>");
        if (done is not null && Done.TryGetValue(done, out var message)) body.Append($"<p role=\"status\">{H(message)}</p>");
        if (values.Errors.Count > 0)
        {
            body.Append("<div role=\"alert\" class=\"error-summary\"><p>Kaydedilmedi: şu alanları düzeltin.</p><ul>");
            foreach (var (key, text) in values.Errors) body.Append($"<li><a href=\"#{H(key)}\">{H(text)}</a></li>");
            body.Append("</ul></div>");
        }
        if (record is not null)
        {
            body.Append($"<p>Durum: <strong id=\"durum\">{H(RecordWorkflow.StateName(record.State))}</strong> · sürüm v{current!.Version} · {H(record.ChangedBy)}")
                .Append($" · <a href=\"{H(Url(record.Identifier))}/gecmis\">Geçmiş</a> · <a href=\"{H(Url(record.Identifier))}/onizleme\">Önizleme</a></p>");
            if (notes is not null) body.Append(ReviewNotes.Summary(notes));
        }
        var cataloguer = RecordWorkflow.IsCataloguer(role);
        if (record is { State: WorkflowState.InReview } && cataloguer) body.Append(await RecordReview.PanelAsync(context, current!, names));

        var editable = record is null || cataloguer || (record.CreatedBy == user && record.State == WorkflowState.Draft);
        // Scans first, then the description: the title has focus on arrival and Shift+Tab reaches the upload.
        if (record is not null) body.Append(RecordPages.Panel(context, current!, editable));
        if (editable) body.Append(DescribeFields(context, current, values, notes));
        else if (record is not null) body.Append(RecordDiff.Table(RecordDiff.Compare(null, record, id => names.GetValueOrDefault(id, id)), "Kayıt", "", "Değer"));
        if (record is null) return body.ToString();
        body.Append(Ocr.SuggestionsPanel.Render(context, current!));

        body.Append(await EuropeanaReadiness.PanelAsync(context, current!, cataloguer));
        if (record.State == WorkflowState.Draft && (cataloguer || record.CreatedBy == user))
            body.Append(StepForm(context, current!, "gonder", "İncelemeye gönder", accesskey: "g"));
        if (cataloguer && record.State == WorkflowState.Withdrawn)
            body.Append(StepForm(context, current!, "yayinla", "Yeniden yayımla"));
        if (cataloguer && record.State == WorkflowState.Published)
            body.Append(StepForm(context, current!, "geri-cek", "Geri çek", Field("geri-cek-yorum", "Geri çekme nedeni", "", extra: " required").Replace("name=\"geri-cek-yorum\"", "name=\"yorum\"")));
        return body.ToString();
    }

    internal static string DescribeFields(HttpContext context, Versioned<Record>? current, FormValues v, ReviewNotes? notes)
    {
        var record = current?.Value;
        string Input(string id, string label, string extra = "", string type = "text") => Labelled(id, label, v, notes,
            $"<input id=\"{id}\" name=\"{id}\" type=\"{type}\" value=\"{H(v[id])}\"{extra}{Described(id, v, notes)}>");
        var body = new StringBuilder($"<form method=\"post\" id=\"tanim\" class=\"describe\" action=\"{H(record is null ? "/katalog/kayit/yeni" : Url(record.Identifier))}\" novalidate>").Append(Token(context));
        if (record is null) body.Append(Input("kimlik", "Kimlik (referans kodu)", " required autofocus"));
        else body.Append(VersionField(current!));
        body.Append(Input("baslik", "Başlık", " required" + (record is null ? "" : " autofocus")))
            .Append(Input("baslik-en", "Başlık (İngilizce)", " lang=\"en\""))
            .Append(Input("tarih", "Tarih (EDTF)", " data-edtf=\"tarih-okuma\" autocomplete=\"off\" aria-describedby=\"tarih-okuma\"").Replace(" aria-describedby=\"tarih-okuma\" aria-describedby=\"", " aria-describedby=\"tarih-okuma "))
            .Append($"<p><output id=\"tarih-okuma\" for=\"tarih\" aria-live=\"polite\">{H(Reading(v["tarih"]))}</output></p>")
            .Append(Select("duzey", "Düzey", v, notes, Vocabulary.Levels.Select(l => (l.Key, Public.SiteLanguage.Turkish["Level_" + l.Value])), v["duzey"].Length == 0 ? "item" : v["duzey"]))
            .Append(Input("ust", "Üst kayıt (fon, dizi veya dosya)", " data-parent-search autocomplete=\"off\""))
            .Append(Select("tur", "Tür (Europeana)", v, notes, [("", "—"), ("text", "metin"), ("image", "görüntü"), ("sound", "ses"), ("video", "video"), ("3d", "3B")], v["tur"]))
            .Append(Input("cins", "Belge cinsi (mektup, fatura, fotoğraf …)"))
            .Append(Labelled("aciklama", "Açıklama", v, notes, $"<textarea id=\"aciklama\" name=\"aciklama\" rows=\"6\"{Described("aciklama", v, notes)}>{H(v["aciklama"])}</textarea>"))
            .Append(Labelled("aciklama-en", "Açıklama (İngilizce)", v, notes, $"<textarea id=\"aciklama-en\" name=\"aciklama-en\" rows=\"3\" lang=\"en\"{Described("aciklama-en", v, notes)}>{H(v["aciklama-en"])}</textarea>"))
            .Append(Input("dil", "Diller (ISO 639 kodları, boşlukla: tr ota fr)"))
            .Append(Axes(v, notes))
            .Append(Input("konu", "Konular (; ile ayırın)"))
            .Append(AuthorityRows(v, notes))
            .Append(RightsChooser.Render(v["haklar"] == RightsChooser.Other ? v["haklar-diger"] : v["haklar"], v.Errors.GetValueOrDefault("haklar")));
        if (notes?.Fields.GetValueOrDefault("haklar") is { } rightsNote) body.Append($"<p class=\"review-note\">İnceleme notu: {H(rightsNote)}</p>");
        if (record is not null) body.Append(Input("neden", "Değişikliğin nedeni"));
        body.Append("<p class=\"actions\"><button type=\"submit\" accesskey=\"s\" title=\"Ctrl+S veya Alt+S\">Kaydet</button> ");
        if (record is not null) body.Append("<button type=\"submit\" name=\"sonraki\" value=\"1\" accesskey=\"n\" title=\"Alt+N\">Kaydet ve sonraki birim</button>");
        return body.Append("</p></form>").ToString();
    }

    private static string Reading(string date) =>
        date.Trim().Length == 0 ? "" : EdtfDate.TryParse(date.Trim(), out var parsed, out _) ? parsed.Describe("tr") : "geçerli bir EDTF tarihi değil";

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
        if (notes?.Fields.TryGetValue(id, out var note) == true) html.Append($" <span id=\"{id}-not\" class=\"review-note\">İnceleme notu: {H(note)}</span>");
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
        var html = new StringBuilder($"<fieldset id=\"eksen\"{Described("eksen", v, notes)}><legend>Eksenler</legend>");
        var i = 0;
        foreach (var (code, _) in Vocabulary.Axes)
            html.Append($"<input type=\"checkbox\" id=\"eksen-{i}\" name=\"eksen\" value=\"{H(code)}\"{(chosen.Contains(code) ? " checked" : "")}> <label for=\"eksen-{i++}\">{H(AxisLabels.GetValueOrDefault(code, code))}</label> ");
        if (v.Errors.TryGetValue("eksen", out var error)) html.Append($"<span id=\"eksen-error\" class=\"error\">{H(error)}</span>");
        if (notes?.Fields.TryGetValue("eksen", out var note) == true) html.Append($"<span id=\"eksen-not\" class=\"review-note\">İnceleme notu: {H(note)}</span>");
        return html.Append("</fieldset>").ToString();
    }

    /// <summary>One row per link plus blank rows; a row is kind, name (autocompleted by script), role and "create new".</summary>
    private static string AuthorityRows(FormValues v, ReviewNotes? notes)
    {
        var rows = 0;
        while (rows < DescribeForm.MaxAuthorityRows && (v[$"yetke-{rows}-ad"].Length > 0 || v[$"yetke-{rows}-kimlik"].Length > 0)) rows++;
        var html = new StringBuilder($"<fieldset id=\"yetke\"{Described("yetke", v, notes)}><legend>Kişi, kurum ve mekânlar</legend>");
        if (notes?.Fields.TryGetValue("yetke", out var note) == true) html.Append($"<p id=\"yetke-not\" class=\"review-note\">İnceleme notu: {H(note)}</p>");
        for (var i = 0; i < rows + DescribeForm.BlankAuthorityRows; i++)
        {
            var key = $"yetke-{i}";
            var kind = v[key + "-tur"].Length == 0 ? "person" : v[key + "-tur"];
            html.Append($"<div class=\"authority-row\" data-authority-row>")
                .Append(Select(key + "-tur", $"{i + 1}. tür", v, null, Vocabulary.Kinds.Select(k => (k.Key, RecordDiff.KindName(k.Value))), kind))
                .Append(Labelled(key + "-ad", $"{i + 1}. ad", v, null,
                    $"<input id=\"{key}-ad\" name=\"{key}-ad\" type=\"text\" value=\"{H(v[key + "-ad"])}\" data-authority-search=\"{key}\" autocomplete=\"off\"{Described(key + "-ad", v, null)}>"))
                .Append($"<input type=\"hidden\" id=\"{key}-kimlik\" name=\"{key}-kimlik\" value=\"{H(v[key + "-kimlik"])}\">")
                .Append(Select(key + "-rol", $"{i + 1}. rol", v, null, DescribeForm.Roles, v[key + "-rol"]))
                .Append($"<p><input type=\"checkbox\" id=\"{key}-yeni\" name=\"{key}-yeni\" value=\"1\"{(v[key + "-yeni"] == "1" ? " checked" : "")}> <label for=\"{key}-yeni\">yoksa yeni oluştur</label></p>")
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
