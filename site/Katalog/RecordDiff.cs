using System.Text;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>One described field as a reader sees it; <see cref="Key"/> is the describe form's field id.</summary>
public sealed record FieldChange(string Key, string Label, string Before, string After);

/// <summary>
/// Field-by-field comparison of two versions of a record, in the describe form's order, with every value
/// written as the cataloguer reads it (names of linked authorities, page files with their rotation).
/// </summary>
public static class RecordDiff
{
    private static readonly string[] Keys =
    [
        "baslik", "baslik-en", "tarih", "duzey", "ust", "tur", "cins", "aciklama", "aciklama-en",
        "dil", "eksen", "konu", "yetke", "haklar", "sayfalar", "durum", "europeana",
    ];

    /// <summary>Field ids and labels (in the request's language) in the order the describe form shows them.</summary>
    public static IReadOnlyList<(string Key, string Label)> Fields => Keys.Select(k => (k, Label(k))).ToList();

    public static string Label(string key) => Keys.Contains(key) ? T("Diff_" + key) : key;

    /// <summary>Every field whose value differs; <paramref name="before"/> null means the record did not exist.</summary>
    public static IReadOnlyList<FieldChange> Compare(Record? before, Record after, Func<string, string>? authorityName = null)
    {
        var old = before is null ? new Dictionary<string, string>() : Values(before, authorityName);
        var now = Values(after, authorityName);
        return Fields.Select(f => new FieldChange(f.Key, f.Label, old.GetValueOrDefault(f.Key, ""), now.GetValueOrDefault(f.Key, "")))
            .Where(c => c.Before != c.After).ToList();
    }

    public static Dictionary<string, string> Values(Record r, Func<string, string>? authorityName = null) => new(StringComparer.Ordinal)
    {
        ["baslik"] = r.Title.Tr,
        ["baslik-en"] = r.Title.En ?? "",
        ["tarih"] = r.Date is { } d ? $"{d} ({d.Describe(KatalogText.Current.Code)})" : "",
        ["duzey"] = T("Level_" + r.Level),
        ["ust"] = r.Parent ?? "",
        ["tur"] = r.Type?.Code() ?? "",
        ["cins"] = r.Genre ?? "",
        ["aciklama"] = r.Description?.Tr ?? "",
        ["aciklama-en"] = r.Description?.En ?? "",
        ["dil"] = string.Join(", ", r.Languages),
        ["eksen"] = string.Join(", ", r.Axes.Select(a => a.Code())),
        ["konu"] = string.Join("; ", r.Subjects),
        ["yetke"] = string.Join("; ", r.Authorities.Select(a =>
            $"{authorityName?.Invoke(a.AuthorityId) ?? a.AuthorityId} ({KindName(a.Kind)}{(a.Role is null ? "" : ", " + a.Role)})")),
        ["haklar"] = r.Rights ?? "",
        ["sayfalar"] = string.Join("; ", r.Files.Select((f, i) => $"{i + 1}: {f.OriginalName}{(f.Rotation == 0 ? "" : $" ↻{f.Rotation}°")}")),
        ["durum"] = RecordWorkflow.StateName(r.State),
        ["europeana"] = T(r.ForEuropeana ? "Yes" : "No"),
    };

    public static string KindName(AuthorityKind kind) => T("Kind_" + kind);

    /// <summary>The changes as a table; <paramref name="extraColumn"/> adds a cell per row (a comment field on the review page).</summary>
    public static string Table(IReadOnlyList<FieldChange> changes, string caption, string? beforeHeading = null, string? afterHeading = null,
        Func<FieldChange, string>? extraColumn = null, string extraHeading = "")
    {
        if (changes.Count == 0) return $"<p>{H(caption)}: {T("Diff_NoChange")}</p>";
        var html = new StringBuilder($"<table class=\"diff\"><caption>{H(caption)}</caption><thead><tr><th scope=\"col\">{T("Diff_Field")}</th>")
            .Append($"<th scope=\"col\">{H(beforeHeading ?? T("Diff_Before"))}</th><th scope=\"col\">{H(afterHeading ?? T("Diff_After"))}</th>");
        if (extraColumn is not null) html.Append($"<th scope=\"col\">{H(extraHeading)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var c in changes)
        {
            html.Append($"<tr data-field=\"{H(c.Key)}\"><th scope=\"row\">{H(c.Label)}</th><td><del>{H(c.Before)}</del></td><td><ins>{H(c.After)}</ins></td>");
            if (extraColumn is not null) html.Append("<td>").Append(extraColumn(c)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
