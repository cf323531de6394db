using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>What a merge moved: the records, other authorities and accessions saved anew pointing at the survivor.</summary>
public sealed record MergeOutcome(IReadOnlyList<string> Records, IReadOnlyList<string> Authorities, IReadOnlyList<string> Accessions);

/// <summary>
/// Folds a duplicate authority into the one that survives. The survivor is saved first with the duplicate's
/// names as variants (and its relations and any external id it lacked); then every record, authority and
/// accession pointing at the duplicate is saved as a new version pointing at the survivor; last the duplicate
/// becomes a redirect. Interrupted part-way, the duplicate is not yet a redirect, so running the merge again
/// finishes it (each step is idempotent).
/// </summary>
public sealed class AuthorityMerger(Archive.Storage.Archive archive)
{
    private const int Retries = 5;

    public async Task<MergeOutcome> MergeAsync(string duplicateId, string survivorId, int expectedDuplicateVersion, string user, string? why, CancellationToken ct = default)
    {
        var duplicate = await AuthorityEditor.GetAsync(archive, duplicateId, ct);
        var survivor = await AuthorityEditor.GetAsync(archive, survivorId, ct);
        if (duplicate.Version != expectedDuplicateVersion) throw new OcflConflictException(Archive.Storage.Archive.AuthorityPrefix + duplicateId, duplicate.Version);
        if (duplicateId == survivorId) throw new WorkflowRefusedException(T("Merge_Self"), forbidden: false);
        if (duplicate.Value.MergedInto is not null) throw new WorkflowRefusedException(T("Merge_Already"), forbidden: false);
        if (survivor.Value.MergedInto is { } further) throw new WorkflowRefusedException(T("Merge_SurvivorMerged", further), forbidden: false);
        if (duplicate.Value.Kind != survivor.Value.Kind)
            throw new WorkflowRefusedException(T("Merge_Kinds", AuthorityForm.KindName(duplicate.Value.Kind), AuthorityForm.KindName(survivor.Value.Kind)), forbidden: false);

        var message = $"Birleştirme: {duplicate.Value.Name} [{duplicateId}] → {survivor.Value.Name} [{survivorId}]" + (KatalogOutcome.Blank(why) is { } reason ? $": {reason}" : "");
        var info = new CommitInfo(user, message);
        await archive.SaveAuthorityAsync(Absorb(survivor.Value, duplicate.Value), survivor.Version, info, ct);

        var records = new List<string>();
        await foreach (var versioned in archive.ListRecordsAsync(ct))
        {
            if (!versioned.Value.Authorities.Any(l => l.AuthorityId == duplicateId)) continue;
            await RetryAsync(() => archive.GetRecordAsync(versioned.Value.Identifier, ct), r => Relink(r, duplicateId, survivorId),
                (r, version) => archive.SaveRecordAsync(r, [], version, info, ct));
            records.Add(versioned.Value.Identifier);
        }

        var authorities = new List<string>();
        await foreach (var versioned in archive.ListAuthoritiesAsync(ct))
        {
            var a = versioned.Value;
            if (a.Id == duplicateId || !(a.Relations.Any(r => r.TargetId == duplicateId) || (a is Place { PartOf: var p } && p == duplicateId))) continue;
            await RetryAsync(() => archive.GetAuthorityAsync(a.Id, ct), x => Retarget(x, duplicateId, survivorId),
                (x, version) => archive.SaveAuthorityAsync(x, version, info, ct));
            authorities.Add(a.Id);
        }

        var accessions = new List<string>();
        await foreach (var versioned in archive.ListAccessionsAsync(ct))
        {
            if (!versioned.Value.Donors.Contains(duplicateId)) continue;
            await RetryAsync(() => archive.GetAccessionAsync(versioned.Value.Id, ct),
                x => x with { Donors = x.Donors.Select(d => d == duplicateId ? survivorId : d).Distinct().ToList() },
                (x, version) => archive.SaveAccessionAsync(x, version, info, ct));
            accessions.Add(versioned.Value.Id);
        }

        await archive.SaveAuthorityAsync(duplicate.Value with { MergedInto = survivorId }, duplicate.Version, info, ct);
        return new MergeOutcome(records, authorities, accessions);
    }

    /// <summary>The survivor with the duplicate's names as variants, its relations, and the external ids and dates it lacked.</summary>
    public static Authority Absorb(Authority survivor, Authority duplicate)
    {
        var known = survivor.AllNames.Select(TurkishText.Fold).ToHashSet(StringComparer.Ordinal);
        var variants = survivor.Variants.ToList();
        foreach (var name in duplicate.Variants.Prepend(new AuthorityName(duplicate.Name)))
            if (known.Add(TurkishText.Fold(name.Name))) variants.Add(name);
        var relations = survivor.Relations.ToList();
        foreach (var r in duplicate.Relations)
            if (r.TargetId != survivor.Id && !relations.Contains(r)) relations.Add(r);
        var merged = survivor with
        {
            Variants = variants,
            Relations = relations,
            Dates = survivor.Dates ?? duplicate.Dates,
            Subtype = survivor.Subtype ?? duplicate.Subtype,
            Description = survivor.Description ?? duplicate.Description,
            External = survivor.External with
            {
                Wikidata = survivor.External.Wikidata ?? duplicate.External.Wikidata,
                Viaf = survivor.External.Viaf ?? duplicate.External.Viaf,
                Geonames = survivor.External.Geonames ?? duplicate.External.Geonames,
                OpenStreetMap = survivor.External.OpenStreetMap ?? duplicate.External.OpenStreetMap,
            },
        };
        return merged is Place place && duplicate is Place other
            ? place with
            {
                Latitude = place.Latitude ?? other.Latitude,
                Longitude = place.Latitude is null ? other.Longitude : place.Longitude,
                PartOf = place.PartOf ?? (other.PartOf == survivor.Id ? null : other.PartOf),
            }
            : merged;
    }

    private static Record Relink(Record record, string from, string to) => record with
    {
        Authorities = record.Authorities.Select(l => l.AuthorityId == from ? l with { AuthorityId = to } : l).Distinct().ToList(),
    };

    private static Authority Retarget(Authority authority, string from, string to)
    {
        var relations = authority.Relations.Select(r => r.TargetId == from ? r with { TargetId = to } : r)
            .Where(r => r.TargetId != authority.Id).Distinct().ToList();
        var result = authority with { Relations = relations };
        return result is Place { PartOf: var p } place && p == from ? place with { PartOf = to == authority.Id ? null : to } : result;
    }

    /// <summary>Re-reads and re-applies the change when someone saved the object meanwhile, instead of overwriting them.</summary>
    private static async Task RetryAsync<T>(Func<Task<Versioned<T>?>> read, Func<T, T> change, Func<T, int, Task<OcflCommitResult>> save)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await read() ?? throw new KeyNotFoundException("the object disappeared during the merge");
            try
            {
                await save(change(current.Value), current.Version);
                return;
            }
            catch (OcflConflictException) when (attempt < Retries)
            {
            }
        }
    }
}

/// <summary><c>/katalog/otoriteler/{id}/birlestir</c>: choose the survivor this duplicate merges into.</summary>
public static class AuthorityMergePage
{
    public static void MapAuthorityMerge(this WebApplication app, RouteGroupBuilder staff, RouteGroupBuilder cataloguers)
    {
        cataloguers.MapGet("/{id}/birlestir", (HttpContext context, string id, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var current = await AuthorityEditor.GetAsync(archive, id, ct);
            var all = await AuthorityEditor.AllAsync(archive, ct);
            return Render(context, T("Merge_Title") + " · " + current.Value.Name, Form(context, current, Candidates(current.Value, all), "", null));
        }));

        cataloguers.MapPost("/{id}/birlestir", (HttpContext context, string id, IFormCollection form, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var current = await AuthorityEditor.GetAsync(archive, id, ct);
            var all = await AuthorityEditor.AllAsync(archive, ct);
            var choice = form["hedef"].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "";
            var (survivor, error) = choice.Length == 0 ? (null, T("Merge_Choose")) : await AuthorityEditor.Resolver(all)(choice);
            if (survivor is null)
                return Render(context, T("Merge_Title") + " · " + current.Value.Name, Form(context, current, Candidates(current.Value, all), choice, error), StatusCodes.Status400BadRequest);
            await new AuthorityMerger(archive).MergeAsync(id, survivor.Id, Version(form), user, form["neden"], ct);
            return Results.LocalRedirect(AuthorityEditor.Url(survivor.Id) + "?durum=birlestirildi");
        }));
    }

    /// <summary>Likely duplicates: the same kind sharing a folded word of a name.</summary>
    private static List<Authority> Candidates(Authority duplicate, List<Authority> all)
    {
        var words = duplicate.AllNames.SelectMany(n => TurkishText.Fold(n).Split(' ')).Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);
        return all.Where(a => a.Id != duplicate.Id && a.Kind == duplicate.Kind && a.MergedInto is null
                && a.AllNames.Any(n => TurkishText.Fold(n).Split(' ').Any(words.Contains)))
            .OrderBy(a => a.Name, TurkishText.Alphabetical).Take(20).ToList();
    }

    private static string Form(HttpContext context, Versioned<Authority> current, List<Authority> candidates, string choice, string? error)
    {
        var a = current.Value;
        var body = new StringBuilder($"<h1>{T("Merge_Title")}: {H(a.Name)}</h1>");
        body.Append($"<p>{T("Merge_Help", H(AuthorityForm.KindName(a.Kind)), $"<code>{H(a.Id)}</code>")}</p>");
        if (error is not null) body.Append($"<p role=\"alert\" class=\"error\">{H(error)}</p>");
        body.Append($"<form method=\"post\" action=\"{H(AuthorityEditor.Url(a.Id))}/birlestir\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">");
        if (candidates.Count > 0)
        {
            body.Append($"<fieldset><legend>{T("Merge_Candidates")}</legend>");
            foreach (var (c, i) in candidates.Select((c, i) => (c, i)))
                body.Append($"<p><input type=\"radio\" id=\"aday-{i}\" name=\"hedef\" value=\"{H(c.Id)}\"{(choice == c.Id ? " checked" : "")}> ")
                    .Append($"<label for=\"aday-{i}\">{H(c.Name)} {H(c.Dates?.Text)} ({H(c.Id)})</label></p>");
            body.Append("</fieldset>");
        }
        body.Append(Field("hedef-metin", T("Merge_Other"), candidates.Any(c => c.Id == choice) ? "" : choice, error: error).Replace("name=\"hedef-metin\"", "name=\"hedef\""))
            .Append(Field("neden", T("History_Why"), ""))
            .Append($"<p><button type=\"submit\">{T("Merge_Title")}</button></p></form>");
        return body.ToString();
    }
}
