using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The describe form and the workflow buttons a signed-in account may use on one record.</summary>
public static partial class RecordEditor
{
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["kaydedildi"] = "Kaydedildi.",
        ["gonderildi"] = "İncelemeye gönderildi.",
        ["iade-edildi"] = "Öğrenciye iade edildi.",
        ["yayimlandi"] = "Yayımlandı.",
        ["geri-cekildi"] = "Geri çekildi.",
    };

    private static string EditForm(HttpContext context, Versioned<Record>? current, string? done, string error)
    {
        var record = current?.Value;
        var (user, role) = KatalogServices.Who(context.User);
        var body = new StringBuilder();
        body.Append($"<h1>{H(record is null ? "Yeni kayıt" : record.Identifier)}</h1>");
        if (done is not null && Done.TryGetValue(done, out var message)) body.Append($"<p role=\"status\">{H(message)}</p>");
        if (error.Length > 0) body.Append($"<p role=\"alert\">{H(error)}</p>");
        if (record is not null)
            body.Append($"<p>Durum: <strong id=\"durum\">{H(RecordWorkflow.StateName(record.State))}</strong> · sürüm v{current!.Version} · {H(record.ChangedBy)}</p>");

        var editable = record is null || RecordWorkflow.IsCataloguer(role) || (record.CreatedBy == user && record.State == WorkflowState.Draft);
        if (editable)
        {
            body.Append($"<form method=\"post\" action=\"{H(record is null ? "/katalog/kayit/yeni" : Url(record.Identifier))}\">").Append(Token(context));
            if (record is null) body.Append(Field("kimlik", "Kimlik (referans kodu)", "", extra: " required"));
            else body.Append(VersionField(current!));
            body.Append(Field("baslik", "Başlık", record?.Title.Tr, extra: " required"))
                .Append(Field("baslik-en", "Başlık (İngilizce)", record?.Title.En, extra: " lang=\"en\""))
                .Append(Field("tarih", "Tarih (EDTF)", record?.Date?.ToString()))
                .Append($"<p><label for=\"aciklama\">Açıklama</label> <textarea id=\"aciklama\" name=\"aciklama\" rows=\"5\">{H(record?.Description?.Tr)}</textarea></p>")
                .Append(Field("haklar", "Haklar", record?.Rights))
                .Append(LevelChooser(record?.Level ?? Level.Item))
                .Append(Field("ust", "Üst kayıt", record?.Parent));
            if (record is not null) body.Append(Field("neden", "Değişikliğin nedeni", ""));
            body.Append("<p><button type=\"submit\">Kaydet</button></p></form>");
        }
        if (record is null) return body.ToString();
        body.Append(Ocr.SuggestionsPanel.Render(context, current!));

        var cataloguer = RecordWorkflow.IsCataloguer(role);
        if (record.State == WorkflowState.Draft && (cataloguer || record.CreatedBy == user))
            body.Append(StepForm(context, current!, "gonder", "İncelemeye gönder"));
        if (cataloguer && record.State == WorkflowState.InReview)
            body.Append(StepForm(context, current!, "iade", "İade et", Field("iade-yorum", "Öğrenciye not", "", extra: " required").Replace("name=\"iade-yorum\"", "name=\"yorum\"")))
                .Append(StepForm(context, current!, "yayinla", "Yayımla"));
        if (cataloguer && record.State == WorkflowState.Withdrawn)
            body.Append(StepForm(context, current!, "yayinla", "Yeniden yayımla"));
        if (cataloguer && record.State == WorkflowState.Published)
            body.Append(StepForm(context, current!, "geri-cek", "Geri çek", Field("geri-cek-yorum", "Geri çekme nedeni", "", extra: " required").Replace("name=\"geri-cek-yorum\"", "name=\"yorum\"")));
        return body.ToString();
    }

    private static string VersionField(Versioned<Record> current) => $"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">";

    private static string StepForm(HttpContext context, Versioned<Record> current, string step, string label, string fields = "") =>
        $"<form method=\"post\" action=\"{H(Url(current.Value.Identifier))}/{step}\">{Token(context)}{VersionField(current)}{fields}<p><button type=\"submit\">{H(label)}</button></p></form>";

    private static string LevelChooser(Level selected)
    {
        var html = new StringBuilder("<p><label for=\"duzey\">Düzey</label> <select id=\"duzey\" name=\"duzey\">");
        foreach (var (code, level) in Vocabulary.Levels)
            html.Append($"<option value=\"{H(code)}\"{(level == selected ? " selected" : "")}>{H(Public.SiteLanguage.Turkish["Level_" + level])}</option>");
        return html.Append("</select></p>").ToString();
    }
}
