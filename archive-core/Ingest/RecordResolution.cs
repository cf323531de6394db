using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>
/// The checks across rows of the records file: identifiers unique, parents known (in the archive or
/// earlier in the file) and levels nesting, and every name matched to one authority or, when it matches
/// none, to a new one.
/// </summary>
public static class RecordResolution
{
    /// <summary>Parents not defined by an earlier row, which must therefore be looked up in the archive.</summary>
    public static IReadOnlySet<string> ParentsToLookUp(IReadOnlyList<RecordRow> rows)
    {
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var lookUp = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Parent is { } parent && !earlier.Contains(parent)) lookUp.Add(parent);
            earlier.Add(row.Identifier);
        }
        return lookUp;
    }

    /// <param name="storedLevels">Levels of the stored records among the parents (and, if known, the rows themselves).</param>
    public static void CheckHierarchy(IReadOnlyList<RecordRow> rows, IReadOnlyDictionary<string, Level> storedLevels, IssueList issues)
    {
        var seen = new Dictionary<string, RecordRow>(StringComparer.Ordinal);
        var firstLine = rows.GroupBy(r => r.Identifier, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (seen.TryGetValue(row.Identifier, out var earlier))
            {
                issues.Add(row.Line, "identifier", $"duplicate identifier '{row.Identifier}' (already on line {earlier.Line})");
                continue;
            }
            seen[row.Identifier] = row;
            if (row.Parent is not { } parent) continue;
            Level parentLevel;
            if (parent == row.Identifier)
            {
                issues.Add(row.Line, "parent", $"'{row.Identifier}' cannot be its own parent");
                continue;
            }
            if (seen.TryGetValue(parent, out var parentRow)) parentLevel = parentRow.Level;
            else if (storedLevels.TryGetValue(parent, out var stored)) parentLevel = stored;
            else
            {
                issues.Add(row.Line, "parent", firstLine.TryGetValue(parent, out var later)
                    ? $"parent '{parent}' appears later in the file (line {later.Line}); put parents before their children"
                    : $"unknown parent '{parent}': it is neither in the archive nor earlier in the file");
                continue;
            }
            if (NestingError(row.Level, parentLevel) is { } error) issues.Add(row.Line, "level", error);
        }
        foreach (var row in rows.Where(r => r.Level == Level.Fonds && r.Parent is not null))
            issues.Add(row.Line, "parent", "a fonds is the outermost level and has no parent");
    }

    /// <summary>ISAD(G) nesting: fonds ⊃ series (⊃ sub-series) ⊃ file ⊃ item.</summary>
    public static string? NestingError(Level child, Level parent) => (child, parent) switch
    {
        (Level.Fonds, _) => null, // reported on the parent column
        (Level.Series, Level.Fonds or Level.Series) => null,
        (Level.File, Level.Fonds or Level.Series) => null,
        (Level.Item, Level.Fonds or Level.Series or Level.File) => null,
        _ => $"{Article(child)} {child.Code()} cannot be inside {Article(parent)} {parent.Code()}",
    };

    private static string Article(Level level) => level == Level.Item ? "an" : "a";

    /// <summary>Matches every name; names that match nothing become new authorities (returned, in order of first use).</summary>
    public static IReadOnlyList<NewAuthorityNote> ResolveNames(IReadOnlyList<RecordRow> rows, AuthorityDirectory directory, IssueList issues)
    {
        var created = new List<NewAuthorityNote>();
        foreach (var row in rows)
        {
            foreach (var name in row.Names)
            {
                var match = directory.Find(name.Kind, name.Name);
                if (match.IsAmbiguous)
                {
                    issues.Add(row.Line, name.Column, match.AmbiguityMessage);
                    continue;
                }
                if (match.Single is { } entry)
                {
                    name.AuthorityId = entry.Id;
                    continue;
                }
                var id = directory.NewId(name.Kind, name.Name);
                directory.Register(id, name.Kind, name.Name, [], AuthoritySource.RecordName);
                created.Add(new NewAuthorityNote(name.Kind, id, name.Name, row.Line));
                name.AuthorityId = id;
            }
        }
        return created;
    }
}
