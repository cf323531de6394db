namespace HafizaIzmir.Oai.Protocol;

/// <summary>An OAI-PMH error condition: the code defined by the protocol and a message for people.</summary>
public sealed record OaiError(string Code, string Message)
{
    public const string BadArgumentCode = "badArgument";
    public const string BadVerbCode = "badVerb";

    public static OaiError BadArgument(string message) => new(BadArgumentCode, message);
    public static OaiError BadVerb(string message) => new(BadVerbCode, message);
    public static OaiError BadResumptionToken(string message) => new("badResumptionToken", message);
    public static OaiError CannotDisseminateFormat(string prefix) =>
        new("cannotDisseminateFormat", $"metadata format '{prefix}' is not supported; use ListMetadataFormats");
    public static OaiError IdDoesNotExist(string identifier) => new("idDoesNotExist", $"'{identifier}' is not an identifier in this repository");
    public static OaiError NoRecordsMatch() => new("noRecordsMatch", "no records match the given from, until and set");
    public static OaiError NoMetadataFormats(string identifier) =>
        new("noMetadataFormats", $"'{identifier}' is deleted; no metadata is disseminated for it");

    /// <summary>The protocol forbids echoing the arguments of a request that failed with these codes.</summary>
    public bool HidesArguments => Code is BadArgumentCode or BadVerbCode;
}
