using System.Text;
using HafizaIzmir.Oai.Formats;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The rights statements a describer picks from, each with what it lets the public do.</summary>
public static class RightsChooser
{
    public const string Other = "diger";

    /// <summary>Each statement's URI with the resource keys of its name and explanation (<c>Rights_{Key}</c>, <c>Rights_{Key}_Explained</c>).</summary>
    private static readonly (string Uri, string Key)[] Statements =
    [
        ("http://creativecommons.org/publicdomain/mark/1.0/", "PDM"),
        ("http://creativecommons.org/publicdomain/zero/1.0/", "CC0"),
        ("http://creativecommons.org/licenses/by/4.0/", "BY"),
        ("http://creativecommons.org/licenses/by-sa/4.0/", "BYSA"),
        ("http://creativecommons.org/licenses/by-nc/4.0/", "BYNC"),
        ("http://rightsstatements.org/vocab/InC/1.0/", "InC"),
        ("http://rightsstatements.org/vocab/InC-EDU/1.0/", "InCEDU"),
        ("http://rightsstatements.org/vocab/NoC-NC/1.0/", "NoCNC"),
        ("http://rightsstatements.org/vocab/CNE/1.0/", "CNE"),
    ];

    /// <summary>The statements with their names and what they let the public do, in the request's language.</summary>
    public static IReadOnlyList<(string Uri, string Name, string Explanation)> Choices =>
        Statements.Select(s => (s.Uri, T("Rights_" + s.Key), T("Rights_" + s.Key + "_Explained"))).ToList();

    /// <summary>A radio group (arrow keys move inside it, Tab leaves it) with an "other" field for any accepted URI.</summary>
    public static string Render(string value, string? error)
    {
        var normal = EdmRights.Normalize(value);
        var choices = Choices;
        var known = choices.Any(c => c.Uri == normal);
        var described = error is null ? "" : " aria-describedby=\"haklar-error\"";
        var html = new StringBuilder($"<fieldset id=\"haklar\"{described}><legend>{T("Diff_haklar")}</legend>");
        if (error is not null) html.Append($"<p id=\"haklar-error\" class=\"error\">{H(error)}</p>");
        html.Append($"<p><input type=\"radio\" id=\"haklar-yok\" name=\"haklar\" value=\"\"{(value.Length == 0 ? " checked" : "")}> <label for=\"haklar-yok\">{T("Rights_None")}</label> <span class=\"hint\">{T("Rights_None_Explained")}</span></p>");
        for (var i = 0; i < choices.Count; i++)
        {
            var (uri, name, explanation) = choices[i];
            html.Append($"<p><input type=\"radio\" id=\"haklar-{i}\" name=\"haklar\" value=\"{H(uri)}\" aria-describedby=\"haklar-{i}-aciklama\"{(uri == normal ? " checked" : "")}> ")
                .Append($"<label for=\"haklar-{i}\">{H(name)}</label> <span id=\"haklar-{i}-aciklama\" class=\"hint\">{H(explanation)}</span></p>");
        }
        var other = value.Length > 0 && !known;
        html.Append($"<p><input type=\"radio\" id=\"haklar-diger-sec\" name=\"haklar\" value=\"{Other}\"{(other ? " checked" : "")}> <label for=\"haklar-diger-sec\">{T("Rights_Other")}</label> ")
            .Append($"<label for=\"haklar-diger\" class=\"visually-hidden\">{T("Rights_OtherAddress")}</label><input id=\"haklar-diger\" name=\"haklar-diger\" type=\"url\" value=\"{H(other ? value : "")}\"></p>");
        return html.Append("</fieldset>").ToString();
    }
}
