using System.Globalization;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// The authority form's fields as text, read from a stored authority (to show it) or from a posted form (to
/// show it again beside its errors), and turned into an <see cref="Authority"/> with a message per bad field.
/// Lists (other names, relations) are one entry per line with parts separated by <c>|</c>, which a keyboard
/// and a screen reader handle without any script.
/// </summary>
public static partial class AuthorityForm
{
    public static readonly string[] Fields = ["ad", "adlar", "tarihler", "altur", "aciklama", "aciklama-en", "iliskiler", "wikidata", "viaf", "geonames", "enlem", "boylam", "bagli"];

    /// <summary>Every relation type with its label in the request's language.</summary>
    public static IReadOnlyDictionary<RelationType, string> RelationLabels =>
        Enum.GetValues<RelationType>().ToDictionary(t => t, t => T("Relation_" + t));

    public static string KindName(AuthorityKind kind) => RecordDiff.KindName(kind);

    public static Dictionary<string, string> Values(Authority a)
    {
        var place = a as Place;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ad"] = a.Name,
            ["adlar"] = string.Join('\n', a.Variants.Select(v => v.Period is null ? v.Name : $"{v.Name} | {v.Period}")),
            ["tarihler"] = a.Dates?.Text ?? "",
            ["altur"] = a.Subtype ?? "",
            ["aciklama"] = a.Description?.Tr ?? "",
            ["aciklama-en"] = a.Description?.En ?? "",
            ["iliskiler"] = string.Join('\n', a.Relations.Select(r => $"{r.Type.Code()} | {r.TargetId}" + (r.Period is null ? "" : $" | {r.Period}"))),
            ["wikidata"] = a.External.Wikidata ?? "",
            ["viaf"] = a.External.Viaf ?? "",
            ["geonames"] = a.External.Geonames ?? "",
            ["enlem"] = place?.Latitude?.ToString("0.######", CultureInfo.InvariantCulture) ?? "",
            ["boylam"] = place?.Longitude?.ToString("0.######", CultureInfo.InvariantCulture) ?? "",
            ["bagli"] = place?.PartOf ?? "",
        };
    }

    public static Dictionary<string, string> Values(IFormCollection form) =>
        Fields.ToDictionary(f => f, f => form[f].ToString(), StringComparer.Ordinal);

    /// <summary>
    /// The authority the fields describe, built on <paramref name="current"/> (id, kind and audit fields kept);
    /// <paramref name="resolve"/> finds a relation target or enclosing place by id or name.
    /// Throws <see cref="FormInvalidException"/> listing every bad field.
    /// </summary>
    public static async Task<Authority> ParseAsync(IReadOnlyDictionary<string, string> values, Authority current, Func<string, Task<(Authority? Found, string? Error)>> resolve)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Get(string field) => KatalogOutcome.Blank(values.GetValueOrDefault(field));

        var name = Get("ad");
        if (name is null) errors["ad"] = T("AuthorityForm_NameEmpty");

        var variants = new List<AuthorityName>();
        foreach (var (line, number) in Lines(Get("adlar")))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length > 2 || parts[0].Length == 0) { errors.TryAdd("adlar", T("AuthorityForm_VariantLine", number)); continue; }
            var period = parts.Length == 2 ? Date(parts[1], "adlar", T("AuthorityForm_VariantPeriod", number), errors) : null;
            if (!variants.Any(v => v.Name == parts[0])) variants.Add(new AuthorityName(parts[0], period));
        }

        var dates = Get("tarihler") is { } datesText ? Date(datesText, "tarihler", T("AuthorityForm_Dates"), errors) : null;

        var relations = new List<Relation>();
        foreach (var (line, number) in Lines(Get("iliskiler")))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || !Vocabulary.Relations.TryGetValue(parts[0], out var type))
            {
                errors.TryAdd("iliskiler", T("AuthorityForm_RelationLine", number, string.Join(", ", Vocabulary.Relations.Keys)));
                continue;
            }
            var (target, error) = await resolve(parts[1]);
            if (target is null) { errors.TryAdd("iliskiler", T("AuthorityForm_RelationTarget", number, error)); continue; }
            if (target.Id == current.Id) { errors.TryAdd("iliskiler", T("AuthorityForm_RelationSelf", number)); continue; }
            var period = parts.Length == 3 ? Date(parts[2], "iliskiler", T("AuthorityForm_RelationPeriod", number), errors) : null;
            relations.Add(new Relation(type, target.Id, period));
        }

        var wikidata = Get("wikidata") is { } qid ? Wikidata(qid, errors) : null;
        var viaf = Get("viaf");
        if (viaf is not null && !Digits().IsMatch(viaf)) errors["viaf"] = T("AuthorityForm_Viaf");
        var geonames = Get("geonames");
        if (geonames is not null && !Digits().IsMatch(geonames)) errors["geonames"] = T("AuthorityForm_Geonames");

        double? latitude = null, longitude = null;
        string? partOf = null;
        if (current is Place)
        {
            latitude = Coordinate(Get("enlem"), "enlem", T("AuthorityLabel_enlem"), 90, errors);
            longitude = Coordinate(Get("boylam"), "boylam", T("AuthorityLabel_boylam"), 180, errors);
            if ((Get("enlem") is null) != (Get("boylam") is null))
                errors.TryAdd(Get("enlem") is null ? "enlem" : "boylam", T("AuthorityForm_BothCoordinates"));
            if (Get("bagli") is { } enclosing)
            {
                var (found, error) = await resolve(enclosing);
                if (found is null) errors["bagli"] = T("AuthorityForm_PartOfMissing", error);
                else if (found is not Place) errors["bagli"] = T("AuthorityForm_PartOfNotPlace", found.Name, KindName(found.Kind));
                else if (found.Id == current.Id) errors["bagli"] = T("AuthorityForm_PartOfSelf");
                else partOf = found.Id;
            }
        }

        if (errors.Count > 0) throw new FormInvalidException(errors);
        var description = Get("aciklama") is null && Get("aciklama-en") is null ? null : new LocalizedText(Get("aciklama") ?? "", Get("aciklama-en"));
        var result = current with
        {
            Name = name!,
            Variants = variants.Where(v => v.Name != name).ToList(),
            Dates = dates,
            Subtype = Get("altur"),
            Description = description,
            Relations = relations,
            External = current.External with { Wikidata = wikidata, Viaf = viaf, Geonames = geonames },
        };
        return result is Place p ? p with { Latitude = latitude, Longitude = longitude, PartOf = partOf } : result;
    }

    /// <summary>
    /// A Wikidata item id <c>Q</c> followed by a number without leading zeros; the item's address
    /// (<c>https://www.wikidata.org/wiki/Q…</c>) is accepted and reduced to the id, since that is what people copy.
    /// </summary>
    public static string? Wikidata(string text, Dictionary<string, string> errors)
    {
        var id = WikidataAddress().Match(text) is { Success: true } m ? m.Groups[1].Value : text;
        if (Qid().IsMatch(id)) return id;
        errors["wikidata"] = T("AuthorityForm_Wikidata", text);
        return null;
    }

    /// <summary>Decimal degrees within ±<paramref name="limit"/>; a decimal comma is read as the Turkish keyboard types it.</summary>
    private static double? Coordinate(string? text, string field, string label, int limit, Dictionary<string, string> errors)
    {
        if (text is null) return null;
        var normalized = text.Contains('.', StringComparison.Ordinal) ? text : text.Replace(',', '.');
        if (double.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value >= -limit && value <= limit)
            return value;
        errors[field] = T("AuthorityForm_Coordinate", label, limit, limit == 90 ? "38.4237" : "27.1428", text);
        return null;
    }

    private static EdtfDate? Date(string text, string field, string label, Dictionary<string, string> errors)
    {
        if (EdtfDate.TryParse(text, out var date, out var error)) return date;
        errors.TryAdd(field, T("AuthorityForm_BadDate", label, text, error));
        return null;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item1.Length > 0);

    [GeneratedRegex("^Q[1-9][0-9]*$")]
    private static partial Regex Qid();

    [GeneratedRegex(@"^https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(Q[0-9]+)/?$")]
    private static partial Regex WikidataAddress();

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex Digits();
}
