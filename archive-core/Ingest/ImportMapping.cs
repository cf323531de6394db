using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>
/// Turns validated rows into domain objects. A column the file does not have leaves the stored value as it
/// is; a column it has (even empty) sets it, so the CSV can also clear a field.
/// </summary>
public static class ImportMapping
{
    public static Authority ToAuthority(AuthorityRow row, Authority? stored, string user, DateTimeOffset now)
    {
        T Pick<T>(string column, T fromCsv, T fromStored) => stored is null || row.Columns.Contains(column) ? fromCsv : fromStored;
        var storedPlace = stored as Place;
        Authority authority = row.Kind switch
        {
            AuthorityKind.Person => new Person { Id = row.Id, Name = row.Name },
            AuthorityKind.Institution => new Institution { Id = row.Id, Name = row.Name },
            _ => new Place
            {
                Id = row.Id,
                Name = row.Name,
                Latitude = Pick("lat", row.Latitude, storedPlace?.Latitude),
                Longitude = Pick("long", row.Longitude, storedPlace?.Longitude),
                PartOf = Pick("part_of", row.PartOfId, storedPlace?.PartOf),
            },
        };
        return authority with
        {
            Slug = TurkishText.Slug(row.Name),
            Variants = Pick("variants", row.Variants, stored?.Variants ?? []),
            Dates = Pick("dates", row.Dates, stored?.Dates),
            Subtype = Pick("subtype", row.Subtype, stored?.Subtype),
            Description = MergeText(row.Columns, "description", "description_en", row.Description, stored?.Description),
            External = new ExternalIds
            {
                Wikidata = Pick("wikidata", row.External.Wikidata, stored?.External.Wikidata),
                Viaf = Pick("viaf", row.External.Viaf, stored?.External.Viaf),
                Geonames = Pick("geonames", row.External.Geonames, stored?.External.Geonames),
                OpenStreetMap = stored?.External.OpenStreetMap,
            },
            Relations = Pick("relations", row.Relations.Select(r => new Relation(r.Type, r.TargetId!, r.Period)).ToArray(), stored?.Relations ?? []),
            CreatedBy = stored?.CreatedBy ?? user,
            CreatedAt = stored?.CreatedAt ?? now,
            ChangedBy = user,
            ChangedAt = now,
        };
    }

    /// <summary>A bare authority for a name first met in a record row.</summary>
    public static Authority NewAuthority(NewAuthorityNote note, string user, DateTimeOffset now)
    {
        Authority authority = note.Kind switch
        {
            AuthorityKind.Person => new Person { Id = note.Id, Name = note.Name },
            AuthorityKind.Institution => new Institution { Id = note.Id, Name = note.Name },
            _ => new Place { Id = note.Id, Name = note.Name },
        };
        return authority with { Slug = TurkishText.Slug(note.Name), CreatedBy = user, CreatedAt = now, ChangedBy = user, ChangedAt = now };
    }

    /// <summary>
    /// The record to save. Without <c>--publish</c> a new record is a draft and a stored one keeps its state
    /// (a published record stays published).
    /// </summary>
    public static Record ToRecord(RecordRow row, Record? stored, IReadOnlyList<RecordFile> files, bool publish, string user, DateTimeOffset now)
    {
        T Pick<T>(string column, T fromCsv, T fromStored) => stored is null || row.Columns.Contains(column) ? fromCsv : fromStored;
        var links = new List<AuthorityLink>();
        foreach (var (column, kind) in new[] { ("persons", AuthorityKind.Person), ("institutions", AuthorityKind.Institution), ("places", AuthorityKind.Place) })
        {
            var fromCsv = row.Names.Where(n => n.Kind == kind).Select(n => new AuthorityLink(n.AuthorityId!, kind, n.Role)).ToArray();
            links.AddRange(Pick(column, fromCsv, stored?.Authorities.Where(a => a.Kind == kind).ToArray() ?? []));
        }
        return new Record
        {
            Identifier = row.Identifier,
            Level = row.Level,
            Parent = Pick("parent", row.Parent, stored?.Parent),
            Title = MergeText(row.Columns, "title", "title_en", row.Title, stored?.Title)!,
            Date = Pick("date", row.Date, stored?.Date),
            Type = Pick("type", row.Type, stored?.Type),
            Genre = Pick("genre", row.Genre, stored?.Genre),
            Description = MergeText(row.Columns, "description", "description_en", row.Description, stored?.Description),
            Languages = Pick("language", row.Languages, stored?.Languages ?? []),
            Extent = stored?.Extent,
            Rights = Pick("rights", row.Rights, stored?.Rights),
            Axes = Pick("axes", row.Axes, stored?.Axes ?? []),
            Authorities = links.Distinct().ToArray(),
            Subjects = Pick("subjects", row.Subjects, stored?.Subjects ?? []),
            Files = files,
            State = publish ? WorkflowState.Published : stored?.State ?? WorkflowState.Draft,
            ForEuropeana = stored?.ForEuropeana ?? false,
            Accession = stored?.Accession,
            CreatedBy = stored?.CreatedBy ?? user,
            CreatedAt = stored?.CreatedAt ?? now,
            ChangedBy = user,
            ChangedAt = now,
        };
    }

    /// <summary>Turkish and English are separate columns; each one absent keeps its stored half.</summary>
    private static LocalizedText? MergeText(IReadOnlySet<string> columns, string trColumn, string enColumn, LocalizedText? fromCsv, LocalizedText? stored)
    {
        var tr = columns.Contains(trColumn) ? fromCsv?.Tr : stored?.Tr;
        var en = columns.Contains(enColumn) ? fromCsv?.En : stored?.En;
        return tr is null ? null : new LocalizedText(tr, en);
    }

    public static RecordFile ToRecordFile(SourceFile file) => new()
    {
        Path = file.StoredPath,
        OriginalName = file.RelativePath,
        MediaType = file.MediaType,
        Bytes = file.Bytes,
        Sha512 = file.Sha512,
        Width = file.Width,
        Height = file.Height,
    };
}
