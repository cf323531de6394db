using System.Text.Json.Serialization;

namespace HafizaIzmir.Archive.Domain;

/// <summary>
/// A person, institution or place that records are linked to. <see cref="Id"/> is the stable public
/// identifier (assigned once, never derived again from a changed name); <see cref="Slug"/> follows the name.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Person), "person")]
[JsonDerivedType(typeof(Institution), "institution")]
[JsonDerivedType(typeof(Place), "place")]
public abstract record Authority
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Slug { get; init; } = "";
    /// <summary>Variant and historical names, each with the EDTF period it was in use where known.</summary>
    public IReadOnlyList<AuthorityName> Variants { get; init; } = [];
    public EdtfDate? Dates { get; init; }
    /// <summary>Occupation for persons, firm/school/… for institutions, street/han/… for places.</summary>
    public string? Subtype { get; init; }
    public LocalizedText? Description { get; init; }
    public ExternalIds External { get; init; } = new();
    public IReadOnlyList<Relation> Relations { get; init; } = [];
    /// <summary>
    /// Set when this authority was found to duplicate another and merged into it: the id stays reserved and
    /// answers with the survivor, whose variants now carry this authority's names.
    /// </summary>
    public string? MergedInto { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }

    [JsonIgnore]
    public abstract AuthorityKind Kind { get; }

    /// <summary>The preferred name followed by every variant and historical name.</summary>
    [JsonIgnore]
    public IEnumerable<string> AllNames => Variants.Select(v => v.Name).Prepend(Name);
}

public sealed record Person : Authority
{
    [JsonIgnore]
    public override AuthorityKind Kind => AuthorityKind.Person;
}

public sealed record Institution : Authority
{
    [JsonIgnore]
    public override AuthorityKind Kind => AuthorityKind.Institution;
}

public sealed record Place : Authority
{
    [JsonIgnore]
    public override AuthorityKind Kind => AuthorityKind.Place;
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>Id of the enclosing place (a street's district, a han's street).</summary>
    public string? PartOf { get; init; }
}

/// <summary>A variant or historical name (<c>Punta</c> for Alsancak until 1930).</summary>
public sealed record AuthorityName(string Name, EdtfDate? Period = null);

/// <summary>A typed, optionally dated relation to another authority.</summary>
public sealed record Relation(RelationType Type, string TargetId, EdtfDate? Period = null);

public sealed record ExternalIds
{
    public string? Wikidata { get; init; }
    public string? Viaf { get; init; }
    public string? Geonames { get; init; }
    public string? OpenStreetMap { get; init; }
}
