using System.Text;
using HafizaIzmir.Oai.Formats;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The rights statements a describer picks from, each with what it lets the public do.</summary>
public static class RightsChooser
{
    public const string Other = "diger";

    public static readonly IReadOnlyList<(string Uri, string Name, string Explanation)> Choices =
    [
        ("http://creativecommons.org/publicdomain/mark/1.0/", "Kamu malı (PDM)", "Telif süresi dolmuş (yaratıcısı 70 yıldan önce ölmüş) belgeler: herkes serbestçe kullanır."),
        ("http://creativecommons.org/publicdomain/zero/1.0/", "CC0", "Hak sahibi bütün haklarından vazgeçti: herkes serbestçe kullanır."),
        ("http://creativecommons.org/licenses/by/4.0/", "CC BY 4.0", "Kaynak gösterilerek her amaçla kullanılabilir."),
        ("http://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0", "Kaynak gösterilerek, türevler aynı lisansla paylaşılmak koşuluyla kullanılabilir."),
        ("http://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0", "Kaynak gösterilerek yalnızca ticari olmayan amaçlarla kullanılabilir."),
        ("http://rightsstatements.org/vocab/InC/1.0/", "Telif korumalı (InC)", "Hak sahibinin izni olmadan yeniden kullanılamaz; yalnızca görüntülenir."),
        ("http://rightsstatements.org/vocab/InC-EDU/1.0/", "Telif korumalı, eğitim kullanımı serbest (InC-EDU)", "Eğitim amaçlı kullanım serbest, diğerleri izne bağlı."),
        ("http://rightsstatements.org/vocab/NoC-NC/1.0/", "Telif yok, ticari kullanım kısıtlı (NoC-NC)", "Telif yok ama bir sözleşme ticari kullanımı yasaklıyor."),
        ("http://rightsstatements.org/vocab/CNE/1.0/", "Telif durumu değerlendirilmedi (CNE)", "Henüz bakılmadı; Europeana'da en alt içerik düzeyinde kalır."),
    ];

    /// <summary>A radio group (arrow keys move inside it, Tab leaves it) with an "other" field for any accepted URI.</summary>
    public static string Render(string value, string? error)
    {
        var normal = EdmRights.Normalize(value);
        var known = Choices.Any(c => c.Uri == normal);
        var described = error is null ? "" : " aria-describedby=\"haklar-error\"";
        var html = new StringBuilder($"<fieldset id=\"haklar\"{described}><legend>Haklar</legend>");
        if (error is not null) html.Append($"<p id=\"haklar-error\" class=\"error\">{H(error)}</p>");
        html.Append($"<p><input type=\"radio\" id=\"haklar-yok\" name=\"haklar\" value=\"\"{(value.Length == 0 ? " checked" : "")}> <label for=\"haklar-yok\">Henüz belirlenmedi</label> <span class=\"hint\">(yayımlamak için bir bildirim gerekir)</span></p>");
        for (var i = 0; i < Choices.Count; i++)
        {
            var (uri, name, explanation) = Choices[i];
            html.Append($"<p><input type=\"radio\" id=\"haklar-{i}\" name=\"haklar\" value=\"{H(uri)}\" aria-describedby=\"haklar-{i}-aciklama\"{(uri == normal ? " checked" : "")}> ")
                .Append($"<label for=\"haklar-{i}\">{H(name)}</label> <span id=\"haklar-{i}-aciklama\" class=\"hint\">{H(explanation)}</span></p>");
        }
        var other = value.Length > 0 && !known;
        html.Append($"<p><input type=\"radio\" id=\"haklar-diger-sec\" name=\"haklar\" value=\"{Other}\"{(other ? " checked" : "")}> <label for=\"haklar-diger-sec\">Başka bir bildirim</label> ")
            .Append($"<label for=\"haklar-diger\" class=\"visually-hidden\">Başka bildirimin adresi</label><input id=\"haklar-diger\" name=\"haklar-diger\" type=\"url\" value=\"{H(other ? value : "")}\"></p>");
        return html.Append("</fieldset>").ToString();
    }
}
