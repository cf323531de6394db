using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/otoriteler</c>: persons, institutions and places. Everyone signed in may list and read them;
/// cataloguers create, edit, revert and merge. Every save is a new version saying who and why, made against
/// the version the form was read at.
/// </summary>
public static partial class AuthorityEditor
{
    public const string Root = "/katalog/otoriteler";

    public static string Url(string id) => Root + "/" + Uri.EscapeDataString(id);

    public static void MapAuthorityEditor(this WebApplication app)
    {
        var staff = app.MapGroup(Root).RequireAuthorization(KatalogServices.Staff);
        var cataloguers = app.MapGroup(Root).RequireAuthorization(KatalogServices.Cataloguers);

        staff.MapGet("", async (HttpContext context, Archive.Storage.Archive archive, string? q, string? tur, CancellationToken ct) =>
            ListPage(context, await AllAsync(archive, ct), q, tur));

        cataloguers.MapGet("/yeni", (HttpContext context, string? tur) =>
            Render(context, T("Authority_New"), NewForm(context, Vocabulary.Kinds.GetValueOrDefault(tur ?? "", AuthorityKind.Person), new Dictionary<string, string>(), null)));

        cataloguers.MapPost("/yeni", (HttpContext context, IFormCollection form, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var kind = Vocabulary.Kinds.TryGetValue(form["tur"].ToString(), out var k) ? k : throw new ArgumentException(T("Authority_BadKind"));
            var values = AuthorityForm.Values(form);
            var all = await AllAsync(archive, ct);
            try
            {
                var name = Blank(values["ad"]) ?? "";
                var id = new AuthorityDirectory(all).NewId(kind, name.Length > 0 ? name : "adsız");
                Authority blank = kind switch
                {
                    AuthorityKind.Person => new Person { Id = id, Name = name },
                    AuthorityKind.Institution => new Institution { Id = id, Name = name },
                    _ => new Place { Id = id, Name = name },
                };
                var authority = await AuthorityForm.ParseAsync(values, blank, Resolver(all));
                RequireUniqueName(authority, all);
                await archive.SaveAuthorityAsync(authority, null, new CommitInfo(user, Blank(form["neden"]) ?? "Yeni otorite"), ct);
                return Results.LocalRedirect(Url(id) + "?durum=kaydedildi");
            }
            catch (FormInvalidException e)
            {
                return Render(context, T("Authority_New"), NewForm(context, kind, values, e.Errors), StatusCodes.Status400BadRequest);
            }
        }));

        staff.MapGet("/{id}", (HttpContext context, string id, Archive.Storage.Archive archive, string? durum, CancellationToken ct) => Run(context, async () =>
        {
            var current = await GetAsync(archive, id, ct);
            return Render(context, current.Value.Name, await EditPage(context, archive, current, AuthorityForm.Values(current.Value), null, durum, ct));
        }));

        cataloguers.MapPost("/{id}", (HttpContext context, string id, IFormCollection form, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var current = await GetAsync(archive, id, ct);
            RequireNotMerged(current.Value);
            var values = AuthorityForm.Values(form);
            try
            {
                var all = await AllAsync(archive, ct);
                var authority = await AuthorityForm.ParseAsync(values, current.Value, Resolver(all));
                RequireUniqueName(authority, all);
                await archive.SaveAuthorityAsync(authority, Version(form), new CommitInfo(user, Blank(form["neden"]) ?? "Düzenleme"), ct);
                return Results.LocalRedirect(Url(id) + "?durum=kaydedildi");
            }
            catch (FormInvalidException e)
            {
                return Render(context, current.Value.Name, await EditPage(context, archive, current, values, e.Errors, null, ct), StatusCodes.Status400BadRequest);
            }
        }));

        staff.MapGet("/{id}/gecmis", (HttpContext context, string id, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var current = await GetAsync(archive, id, ct);
            var versions = (await archive.Repository.GetObjectAsync(Archive.Storage.Archive.AuthorityPrefix + id, ct))!.Versions;
            return Render(context, T("Record_History") + " · " + current.Value.Name, HistoryPage(context, current, versions));
        }));

        staff.MapGet("/{id}/gecmis/{version:int}", (HttpContext context, string id, int version, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var old = await VersionAsync(archive, id, version, ct);
            return Render(context, $"v{version} · {old.Name}", VersionPage(id, version, old));
        }));

        cataloguers.MapPost("/{id}/geri-al", (HttpContext context, string id, IFormCollection form, Archive.Storage.Archive archive, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var current = await GetAsync(archive, id, ct);
            RequireNotMerged(current.Value);
            var target = int.TryParse(form["hedef"], out var n) ? n : throw new ArgumentException(T("Authority_NoTarget"));
            var old = await VersionAsync(archive, id, target, ct);
            if (old.MergedInto is not null) throw new WorkflowRefusedException(T("Authority_RevertMerged"), forbidden: false);
            var why = Blank(form["neden"]) is { } reason ? $"v{target} sürümüne dönüldü: {reason}" : $"v{target} sürümüne dönüldü";
            var result = await archive.SaveAuthorityAsync(old, Version(form), new CommitInfo(user, why), ct);
            return Results.LocalRedirect(Url(id) + (result.Changed ? "?durum=geri-alindi" : "?durum=degismedi"));
        }));

        app.MapAuthorityMerge(staff, cataloguers);
    }

    public static async Task<Versioned<Authority>> GetAsync(Archive.Storage.Archive archive, string id, CancellationToken ct) =>
        await archive.GetAuthorityAsync(id, ct) ?? throw new KeyNotFoundException(T("Authority_NotFound", id));

    public static async Task<List<Authority>> AllAsync(Archive.Storage.Archive archive, CancellationToken ct)
    {
        // A scan of every authority: their number stays in the tens of thousands, read as small JSON files.
        var all = new List<Authority>();
        await foreach (var a in archive.ListAuthoritiesAsync(ct)) all.Add(a.Value);
        return all;
    }

    private static async Task<Authority> VersionAsync(Archive.Storage.Archive archive, string id, int version, CancellationToken ct)
    {
        await using var stream = await archive.Repository.OpenFileAsync(Archive.Storage.Archive.AuthorityPrefix + Archive.Storage.Archive.Checked(id), "authority.json", version, ct)
            ?? throw new KeyNotFoundException(T("Authority_NoVersion", id, $"v{version}"));
        return await ArchiveJson.DeserializeAsync<Authority>(stream, $"authority:{id} v{version}", ct);
    }

    /// <summary>Finds an authority by its id or, failing that, by a preferred or variant name (merged duplicates excluded).</summary>
    public static Func<string, Task<(Authority? Found, string? Error)>> Resolver(IReadOnlyList<Authority> all) => text =>
    {
        var live = all.Where(a => a.MergedInto is null).ToList();
        if (live.FirstOrDefault(a => a.Id == text) is { } byId) return Task.FromResult<(Authority?, string?)>((byId, null));
        var folded = TurkishText.Fold(text);
        var matches = live.Where(a => a.AllNames.Any(n => TurkishText.Fold(n) == folded)).ToList();
        return Task.FromResult<(Authority?, string?)>(matches switch
        {
            [var one] => (one, null),
            [] => (null, T("Authority_NoMatch", text)),
            _ => (null, T("Authority_Ambiguous", text, string.Join(", ", matches.Select(m => $"{m.Name} [{m.Id}]")))),
        });
    };

    /// <summary>Names are unique per kind (as in the authorities CSV): a second "Kordon" would make record links ambiguous.</summary>
    private static void RequireUniqueName(Authority authority, IReadOnlyList<Authority> all)
    {
        var folded = TurkishText.Fold(authority.Name);
        if (all.FirstOrDefault(a => a.Id != authority.Id && a.Kind == authority.Kind && a.MergedInto is null && TurkishText.Fold(a.Name) == folded) is { } twin)
            throw new FormInvalidException(new Dictionary<string, string>
            {
                ["ad"] = T("Authority_NameTaken", twin.Name, AuthorityForm.KindName(twin.Kind), twin.Id),
            });
    }

    private static void RequireNotMerged(Authority authority)
    {
        if (authority.MergedInto is { } survivor)
            throw new WorkflowRefusedException(T("Authority_IsMerged", survivor), forbidden: false);
    }
}
