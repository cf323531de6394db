using System.Text.Json.Serialization;

namespace HafizaIzmir.Archive.Domain;

/// <summary>ISAD(G) levels of description used by the archive, outermost first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Level>))]
public enum Level { Fonds, Series, File, Item }

/// <summary>A record's life: drafts are private; only <see cref="Published"/> is public.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowState>))]
public enum WorkflowState { Draft, InReview, Published, Withdrawn }

/// <summary>The Europeana <c>edm:type</c> of a record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EuropeanaType>))]
public enum EuropeanaType { Text, Image, Sound, Video, ThreeD }

/// <summary>The programme's three axes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Axis>))]
public enum Axis { Liman, Ticaret, Yaraticilik }

[JsonConverter(typeof(JsonStringEnumConverter<AuthorityKind>))]
public enum AuthorityKind { Person, Institution, Place }

[JsonConverter(typeof(JsonStringEnumConverter<RelationType>))]
public enum RelationType { FounderOf, PartnerIn, WorkedFor, MemberOf, Owned, LocatedAt, BornIn, LivedIn, PartOf }

[JsonConverter(typeof(JsonStringEnumConverter<AcquisitionMethod>))]
public enum AcquisitionMethod { Donation, Loan, Purchase, Transfer }

/// <summary>The spellings used at the archive's edges (CSV, URLs, OAI sets) for the enums above.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, Level> Levels = new Dictionary<string, Level>(StringComparer.Ordinal)
    {
        ["fonds"] = Level.Fonds,
        ["series"] = Level.Series,
        ["file"] = Level.File,
        ["item"] = Level.Item,
    };

    public static readonly IReadOnlyDictionary<string, EuropeanaType> Types = new Dictionary<string, EuropeanaType>(StringComparer.Ordinal)
    {
        ["text"] = EuropeanaType.Text,
        ["image"] = EuropeanaType.Image,
        ["sound"] = EuropeanaType.Sound,
        ["video"] = EuropeanaType.Video,
        ["3d"] = EuropeanaType.ThreeD,
    };

    public static readonly IReadOnlyDictionary<string, Axis> Axes = new Dictionary<string, Axis>(StringComparer.Ordinal)
    {
        ["liman"] = Axis.Liman,
        ["ticaret"] = Axis.Ticaret,
        ["yaratıcılık"] = Axis.Yaraticilik,
    };

    public static readonly IReadOnlyDictionary<string, AuthorityKind> Kinds = new Dictionary<string, AuthorityKind>(StringComparer.Ordinal)
    {
        ["person"] = AuthorityKind.Person,
        ["institution"] = AuthorityKind.Institution,
        ["place"] = AuthorityKind.Place,
    };

    public static readonly IReadOnlyDictionary<string, RelationType> Relations = new Dictionary<string, RelationType>(StringComparer.Ordinal)
    {
        ["founder_of"] = RelationType.FounderOf,
        ["partner_in"] = RelationType.PartnerIn,
        ["worked_for"] = RelationType.WorkedFor,
        ["member_of"] = RelationType.MemberOf,
        ["owned"] = RelationType.Owned,
        ["located_at"] = RelationType.LocatedAt,
        ["born_in"] = RelationType.BornIn,
        ["lived_in"] = RelationType.LivedIn,
        ["part_of"] = RelationType.PartOf,
    };

    public static string Code(this Level level) => Levels.First(p => p.Value == level).Key;
    public static string Code(this EuropeanaType type) => Types.First(p => p.Value == type).Key;
    public static string Code(this Axis axis) => Axes.First(p => p.Value == axis).Key;
    public static string Code(this AuthorityKind kind) => Kinds.First(p => p.Value == kind).Key;
    public static string Code(this RelationType type) => Relations.First(p => p.Value == type).Key;

    /// <summary>The Europeana spelling of <c>edm:type</c>.</summary>
    public static string EdmType(this EuropeanaType type) => type switch
    {
        EuropeanaType.Text => "TEXT",
        EuropeanaType.Image => "IMAGE",
        EuropeanaType.Sound => "SOUND",
        EuropeanaType.Video => "VIDEO",
        _ => "3D",
    };
}
