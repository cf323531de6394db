using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Oai.Formats;
using HafizaIzmir.Site.Derived;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>A posted describe form: the values as typed (to show them again) and what is wrong with each field.</summary>
public sealed class FormValues(Dictionary<string, string[]> values)
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string this[string key] => values.TryGetValue(key, out var v) && v.Length > 0 ? v[0] : "";

    public IReadOnlyList<string> All(string key) => values.TryGetValue(key, out var v) ? v : [];

    public static FormValues From(IFormCollection form) =>
        new(form.Where(f => f.Key != "__af").ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal));

    /// <summary>The form as the stored record fills it.</summary>
    public static FormValues From(Record r, Func<string, string> authorityName)
    {
        var v = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["baslik"] = [r.Title.Tr],
            ["baslik-en"] = [r.Title.En ?? ""],
            ["tarih"] = [r.Date?.ToString() ?? ""],
            ["duzey"] = [r.Level.Code()],
            ["ust"] = [r.Parent ?? ""],
            ["tur"] = [r.Type?.Code() ?? ""],
            ["cins"] = [r.Genre ?? ""],
            ["aciklama"] = [r.Description?.Tr ?? ""],
            ["aciklama-en"] = [r.Description?.En ?? ""],
            ["dil"] = [string.Join(" ", r.Languages)],
            ["eksen"] = r.Axes.Select(a => a.Code()).ToArray(),
            ["konu"] = [string.Join("; ", r.Subjects)],
            ["haklar"] = [r.Rights ?? ""],
        };
        for (var i = 0; i < r.Authorities.Count; i++)
        {
            var link = r.Authorities[i];
            v[$"yetke-{i}-kimlik"] = [link.AuthorityId];
            v[$"yetke-{i}-ad"] = [authorityName(link.AuthorityId)];
            v[$"yetke-{i}-tur"] = [link.Kind.Code()];
            v[$"yetke-{i}-rol"] = [link.Role ?? ""];
        }
        return new FormValues(v);
    }
}

/// <summary>
/// Reads and checks the describe form. Every problem is tied to its field so the form can show it there;
/// when there is any, nothing is saved. Authority rows name an existing person, institution or place (by
/// the id the autocomplete filled in, or by an exact preferred, variant or historical name) or ask for a new
/// one, which is created as a minimal authority when the record is saved.
/// </summary>
public static partial class DescribeForm
{
    public const int MaxAuthorityRows = 200;
    public const int BlankAuthorityRows = 3;

    /// <summary>Role codes offered for an authority link, with the resource keys of their labels; the OAI mappers read the codes.</summary>
    public static readonly IReadOnlyList<(string Code, string LabelKey)> Roles =
    [
        ("", "Role_subject"), ("creator", "Role_creator"), ("addressee", "Role_addressee"),
        ("photographer", "Role_photographer"), ("publisher", "Role_publisher"), ("contributor", "Role_contributor"),
    ];

    public sealed record Result(RecordDraft? Draft, IReadOnlyList<Authority> NewAuthorities);

    public static async Task<Result> ReadAsync(FormValues form, Record? current, IServiceProvider services, string user, CancellationToken ct)
    {
        var identifier = current?.Identifier ?? form["kimlik"].Trim();
        var errors = form.Errors;
        var title = form["baslik"].Trim();
        if (title.Length == 0) errors["baslik"] = T("Describe_TitleEmpty");
        var date = form["tarih"].Trim();
        if (date.Length > 0 && !EdtfDate.TryParse(date, out _, out var dateError)) errors["tarih"] = T("Describe_BadDate", date, dateError);
        var level = current?.Level ?? Level.Item;
        // A form without the field (an older page, a script) keeps the level; a wrong value is an error.
        if (form.All("duzey").Count > 0 && !Vocabulary.Levels.TryGetValue(form["duzey"], out level)) errors["duzey"] = T("Describe_ChooseLevel");
        var parent = form["ust"].Trim();
        if (parent.Length > 0) CheckParent(parent, identifier, level, services.GetRequiredService<RecordTree>(), errors);
        EuropeanaType? type = null;
        if (form["tur"].Length > 0)
        {
            if (Vocabulary.Types.TryGetValue(form["tur"], out var t)) type = t;
            else errors["tur"] = T("Describe_ChooseType");
        }
        var languages = form["dil"].Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (languages.FirstOrDefault(l => !LanguageCode().IsMatch(l)) is { } badLanguage)
            errors["dil"] = T("Describe_BadLanguage", badLanguage);
        var axes = new List<Axis>();
        foreach (var code in form.All("eksen"))
            if (Vocabulary.Axes.TryGetValue(code, out var axis)) axes.Add(axis);
            else errors["eksen"] = T("Describe_BadAxis", code);
        var subjects = form["konu"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var rights = form["haklar"] == RightsChooser.Other ? form["haklar-diger"].Trim() : form["haklar"].Trim();
        string? normalRights = null;
        // The import's rule: any rightsstatements.org or Creative Commons URI, written as Europeana spells it when it knows it.
        if (rights.Length > 0 && (normalRights = EdmRights.Normalize(rights) ?? (RightsStatement().IsMatch(rights) || CreativeCommons().IsMatch(rights) ? rights : null)) is null)
            errors["haklar"] = T("Describe_BadRights", rights);

        var (links, created) = await ReadAuthoritiesAsync(form, services, user, ct);
        if (errors.Count > 0) return new Result(null, []);
        var draft = new RecordDraft(title, form["baslik-en"], date, form["aciklama"], normalRights, level, parent)
        {
            Details = new RecordDetails(type, form["cins"], form["aciklama-en"], languages, axes.Distinct().ToList(), subjects, links),
        };
        return new Result(draft, created);
    }

    private static void CheckParent(string parent, string? identifier, Level level, RecordTree tree, Dictionary<string, string> errors)
    {
        if (parent == identifier) { errors["ust"] = T("Describe_ParentSelf"); return; }
        if (tree.Find(parent) is not { } node) { errors["ust"] = T("Describe_ParentMissing", parent); return; }
        if (node.Level == Level.Item) { errors["ust"] = T("Describe_ParentItem", parent); return; }
        if (node.Level >= level) errors["ust"] = T("Describe_ParentLevel", parent, T("Level_" + node.Level));
        else if (identifier is not null && tree.Ancestors(parent).Any(a => a.Identifier == identifier)) errors["ust"] = T("Describe_ParentCycle");
    }

    private static async Task<(List<AuthorityLink>, List<Authority>)> ReadAuthoritiesAsync(FormValues form, IServiceProvider services, string user, CancellationToken ct)
    {
        var archive = services.GetRequiredService<Archive.Storage.Archive>();
        var names = services.GetRequiredService<AuthorityNames>();
        var links = new List<AuthorityLink>();
        var created = new List<Authority>();
        for (var i = 0; i < MaxAuthorityRows; i++)
        {
            var key = $"yetke-{i}";
            var name = form[key + "-ad"].Trim();
            var id = form[key + "-kimlik"].Trim();
            if (form[key + "-tur"].Length == 0 && name.Length == 0 && id.Length == 0 && i >= BlankAuthorityRows && form[key + "-rol"].Length == 0) break;
            if (name.Length == 0 && id.Length == 0) continue;
            if (!Vocabulary.Kinds.TryGetValue(form[key + "-tur"], out var kind)) { form.Errors[key + "-tur"] = T("Describe_ChooseKind"); continue; }
            var role = Roles.Any(r => r.Code == form[key + "-rol"]) ? form[key + "-rol"] : null;
            if (id.Length > 0 && await archive.GetAuthorityAsync(id, ct) is { } chosen && chosen.Value.Kind == kind
                && (name.Length == 0 || chosen.Value.AllNames.Any(n => TurkishText.Fold(n) == TurkishText.Fold(name))))
            {
                links.Add(new AuthorityLink(id, kind, Blank(role)));
                continue;
            }
            var exact = names.Lookup(name, kind, 20)
                .Where(m => TurkishText.Fold(m.Matched ?? m.Name) == TurkishText.Fold(name) || TurkishText.Fold(m.Name) == TurkishText.Fold(name))
                .DistinctBy(m => m.Id).ToList();
            if (form[key + "-yeni"] == "1")
            {
                if (exact.Count > 0) { form.Errors[key + "-ad"] = T("Describe_AuthorityExists", name, exact[0].Id); continue; }
                var authority = NewAuthority(kind, name, user, await FreeIdAsync(archive, kind, name, created, ct));
                created.Add(authority);
                links.Add(new AuthorityLink(authority.Id, kind, Blank(role)));
            }
            else if (exact.Count == 1) links.Add(new AuthorityLink(exact[0].Id, kind, Blank(role)));
            else if (exact.Count > 1) form.Errors[key + "-ad"] = T("Describe_AuthorityAmbiguous", name, string.Join(", ", exact.Select(m => m.Id)));
            else form.Errors[key + "-ad"] = T("Describe_AuthorityMissing", name, RecordDiff.KindName(kind));
        }
        return (links.DistinctBy(l => (l.AuthorityId, l.Role)).ToList(), created);
    }

    private static Authority NewAuthority(AuthorityKind kind, string name, string user, string id) => kind switch
    {
        AuthorityKind.Person => new Person { Id = id, Name = name, Slug = TurkishText.Slug(name), CreatedBy = user },
        AuthorityKind.Institution => new Institution { Id = id, Name = name, Slug = TurkishText.Slug(name), CreatedBy = user },
        _ => new Place { Id = id, Name = name, Slug = TurkishText.Slug(name), CreatedBy = user },
    };

    private static async Task<string> FreeIdAsync(Archive.Storage.Archive archive, AuthorityKind kind, string name, List<Authority> pending, CancellationToken ct)
    {
        var id = AuthorityIds.For(kind, name);
        for (var n = 2; pending.Any(a => a.Id == id) || await archive.GetAuthorityAsync(id, ct) is not null; n++) id = $"{AuthorityIds.For(kind, name)}-{n}";
        return id;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^https?://rightsstatements\.org/vocab/[A-Za-z]+(-[A-Za-z]+)*/1\.0/$")]
    private static partial Regex RightsStatement();

    [GeneratedRegex(@"^https?://creativecommons\.org/(licenses|publicdomain)/[A-Za-z0-9.+-]+(/[A-Za-z0-9.+-]+)*/?$")]
    private static partial Regex CreativeCommons();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
