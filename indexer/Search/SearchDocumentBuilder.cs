using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Indexer.Search;

/// <summary>Flattens a record, its linked authorities and its enclosing levels into a <see cref="SearchDocument"/>.</summary>
public static class SearchDocumentBuilder
{
    /// <summary>
    /// The document for <paramref name="record"/>, or null when the record is not published and so must
    /// not be (or stay) in the public index. Links to authorities missing from
    /// <paramref name="linkedAuthorities"/> still facet and filter by id, but add no names. <paramref name="fullText"/>
    /// is the text of the scans, pages separated by form feeds.
    /// </summary>
    public static SearchDocument? Build(Record record, IReadOnlyDictionary<string, Authority> linkedAuthorities, IReadOnlyList<Record> ancestors, string? fullText = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.IsPublished) return null;

        var names = new List<string>();
        var facets = new Dictionary<AuthorityKind, List<FacetValue>> { [AuthorityKind.Person] = [], [AuthorityKind.Institution] = [], [AuthorityKind.Place] = [] };
        foreach (var link in record.Authorities.DistinctBy(l => l.AuthorityId))
        {
            linkedAuthorities.TryGetValue(link.AuthorityId, out var authority);
            if (authority is not null) names.AddRange(authority.AllNames);
            facets[authority?.Kind ?? link.Kind].Add(new FacetValue(link.AuthorityId, authority?.Name ?? link.AuthorityId));
        }

        var (from, to) = Years(record.Date);
        return new SearchDocument
        {
            Identifier = record.Identifier,
            Level = record.Level,
            Ancestors = ancestors.Select(a => a.Identifier).ToList(),
            Title = record.Title.Tr,
            TitleEn = record.Title.En,
            Description = record.Description?.Tr,
            DescriptionEn = record.Description?.En,
            Names = names.Distinct(StringComparer.Ordinal).ToList(),
            Keywords = record.Subjects.Append(record.Genre).OfType<string>().Where(k => k.Length > 0).ToList(),
            Context = ancestors.Select(a => a.Title.Tr).ToList(),
            Ocr = fullText,
            DateText = record.Date?.Text,
            FromYear = from,
            ToYear = to,
            Earliest = record.Date?.Earliest ?? record.Date?.Latest,
            Persons = facets[AuthorityKind.Person],
            Institutions = facets[AuthorityKind.Institution],
            Places = facets[AuthorityKind.Place],
            Axes = record.Axes.Distinct().Select(a => new FacetValue(a.Code(), a.Code())).ToList(),
            Type = record.Type is { } type ? new FacetValue(type.Code(), type.Code()) : null,
            Genre = string.IsNullOrWhiteSpace(record.Genre) ? null : new FacetValue(TurkishText.Slug(record.Genre), record.Genre.Trim()),
            Languages = record.Languages.Distinct(StringComparer.Ordinal).Select(l => new FacetValue(l, l)).ToList(),
            Decades = Decades(from, to).Select(d => new FacetValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture), DecadeLabel(d))).ToList(),
        };
    }

    /// <summary>A record that can't be further apart in time than this is not spread over every decade it spans.</summary>
    public const int MaxSpreadYears = 200;

    private static (int? From, int? To) Years(EdtfDate? date) =>
        date is null ? (null, null) : (date.Earliest?.Year ?? date.Latest?.Year, date.Latest?.Year ?? date.Earliest?.Year);

    private static IEnumerable<int> Decades(int? from, int? to)
    {
        if (from is not { } f || to is not { } t) yield break;
        if (t - f > MaxSpreadYears)
        {
            yield return f / 10 * 10;
            yield return t / 10 * 10;
            yield break;
        }
        for (var d = f / 10 * 10; d <= t; d += 10) yield return d;
    }

    /// <summary><c>1920'ler</c>, read the way the catalogue reads an EDTF decade.</summary>
    public static string DecadeLabel(int decade) => EdtfDate.Parse($"{decade / 10:000}X").Describe();
}
