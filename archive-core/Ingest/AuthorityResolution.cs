using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>
/// The checks across rows of the authorities file: names unique per kind, each row matched to the stored
/// authority it updates (by preferred or variant name, keeping that authority's id) or given a new id,
/// and <c>part_of</c> and relation targets resolved against the file and storage.
/// </summary>
public static class AuthorityResolution
{
    public static void Resolve(IReadOnlyList<AuthorityRow> rows, AuthorityDirectory directory, IssueList issues)
    {
        var firstLineByName = new Dictionary<(AuthorityKind, string), int>();
        var lineByStoredId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!firstLineByName.TryAdd((row.Kind, TurkishText.Fold(row.Name)), row.Line))
            {
                issues.Add(row.Line, "name", $"the {row.Kind.Code()} '{row.Name}' is already on line {firstLineByName[(row.Kind, TurkishText.Fold(row.Name))]} (names are unique per kind, ignoring case and diacritics)");
                continue;
            }
            var stored = row.Variants.Select(v => v.Name).Prepend(row.Name)
                .SelectMany(n => directory.Find(row.Kind, n).Candidates)
                .Where(c => c.Source == AuthoritySource.Storage)
                .DistinctBy(c => c.Id)
                .ToArray();
            if (stored.Length > 1)
            {
                issues.Add(row.Line, "name", $"'{row.Name}' and its variants match more than one stored {row.Kind.Code()}: {string.Join(" and ", stored.Select(s => s.ToString()))}");
                continue;
            }
            if (stored.Length == 1)
            {
                if (!lineByStoredId.TryAdd(stored[0].Id, row.Line))
                {
                    issues.Add(row.Line, "name", $"'{row.Name}' updates the same authority {stored[0]} as line {lineByStoredId[stored[0].Id]}");
                    continue;
                }
                row.Id = stored[0].Id;
                row.UpdatesStored = true;
            }
            else
            {
                row.Id = directory.NewId(row.Kind, row.Name);
            }
        }

        foreach (var row in rows.Where(r => r.Id.Length > 0))
            directory.Register(row.Id, row.Kind, row.Name, row.Variants.Select(v => v.Name), AuthoritySource.AuthoritiesFile);

        foreach (var row in rows.Where(r => r.Id.Length > 0))
        {
            if (row.PartOfName is { } partOf)
            {
                var match = directory.Find(AuthorityKind.Place, partOf);
                if (match.IsAmbiguous) issues.Add(row.Line, "part_of", match.AmbiguityMessage);
                else if (match.Single is not { } place) issues.Add(row.Line, "part_of", $"unknown place '{partOf}': it is neither in this file nor in the archive");
                else if (place.Id == row.Id) issues.Add(row.Line, "part_of", $"'{row.Name}' cannot be part of itself");
                else row.PartOfId = place.Id;
            }
            foreach (var relation in row.Relations)
            {
                var match = directory.FindAnyKind(relation.TargetName);
                if (match.IsAmbiguous) issues.Add(row.Line, "relations", match.AmbiguityMessage);
                else if (match.Single is not { } target) issues.Add(row.Line, "relations", $"unknown relation target '{relation.TargetName}': it is neither in this file nor in the archive");
                else relation.TargetId = target.Id;
            }
        }
    }
}
