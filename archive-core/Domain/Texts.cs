namespace HafizaIzmir.Archive.Domain;

/// <summary>Text in Turkish and English; titles always have Turkish, a description may be English only.</summary>
public sealed record LocalizedText(string Tr, string? En = null)
{
    /// <summary>The text in <paramref name="language"/>, falling back to the other language rather than to nothing.</summary>
    public string In(string language)
    {
        var preferred = language == "en" ? En : Tr;
        if (!string.IsNullOrWhiteSpace(preferred)) return preferred;
        return !string.IsNullOrWhiteSpace(Tr) ? Tr : En ?? "";
    }
}

/// <summary>Who saved a version, when and why: carried into the OCFL version.</summary>
public sealed record CommitInfo(string User, string Message, DateTimeOffset? At = null);
