namespace HafizaIzmir.Archive.Domain;

/// <summary>Text in Turkish (always) and English (optional).</summary>
public sealed record LocalizedText(string Tr, string? En = null)
{
    public string In(string language) => language == "en" && !string.IsNullOrWhiteSpace(En) ? En : Tr;
}

/// <summary>Who saved a version, when and why: carried into the OCFL version.</summary>
public sealed record CommitInfo(string User, string Message, DateTimeOffset? At = null);
