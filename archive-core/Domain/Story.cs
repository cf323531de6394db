using System.Text.RegularExpressions;

namespace HafizaIzmir.Archive.Domain;

/// <summary>
/// A narrative page built from archive records: a title, a summary and a Markdown body in Turkish and
/// English, the axes it belongs to and a cover record. It moves through the same workflow as records, and
/// only a published story is public. <see cref="Slug"/> is its address (<c>/hikaye/{slug}</c>) and never changes.
/// </summary>
public sealed partial record Story
{
    public const int MaxSlugLength = 80;

    public required string Slug { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText? Summary { get; init; }
    /// <summary>Markdown; may embed archive references such as <c>[[kayit:SRR-0117]]</c> or <c>[[kisi:Şerif Remzi Reyent]]</c>.</summary>
    public required LocalizedText Body { get; init; }
    public IReadOnlyList<Axis> Axes { get; init; } = [];
    /// <summary>Identifier of the record whose first image illustrates the story (shown only while that record is public).</summary>
    public string? Cover { get; init; }
    /// <summary>An editor's choice to show the story on the home page.</summary>
    public bool Featured { get; init; }
    public WorkflowState State { get; init; } = WorkflowState.Draft;
    /// <summary>The author's name as the byline shows it (the account that created it is <see cref="CreatedBy"/>).</summary>
    public string? Author { get; init; }
    /// <summary>When it was first published; kept when it is withdrawn and published again.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPublished => State == WorkflowState.Published;

    /// <summary>Lower-case ASCII letters and digits in words joined by single hyphens: <c>kordonda-bir-incir-sezonu</c>.</summary>
    public static bool IsValidSlug(string? slug) => slug is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
