using System.Text.RegularExpressions;

namespace HafizaIzmir.Oai.Protocol;

/// <summary>
/// The arguments of one request after the protocol's checks: a known verb, no unknown or repeated
/// argument, required arguments present, <c>resumptionToken</c> exclusive, valid and consistent dates.
/// </summary>
public sealed partial record OaiRequest
{
    public const string Identify = "Identify", ListMetadataFormats = "ListMetadataFormats", ListSets = "ListSets",
        GetRecord = "GetRecord", ListIdentifiers = "ListIdentifiers", ListRecords = "ListRecords";

    private static readonly Dictionary<string, (string[] Required, string[] Optional, bool Resumable)> Verbs = new(StringComparer.Ordinal)
    {
        [Identify] = ([], [], false),
        [ListMetadataFormats] = ([], ["identifier"], false),
        [ListSets] = ([], [], true),
        [GetRecord] = (["identifier", "metadataPrefix"], [], false),
        [ListIdentifiers] = (["metadataPrefix"], ["from", "until", "set"], true),
        [ListRecords] = (["metadataPrefix"], ["from", "until", "set"], true),
    };

    public required string Verb { get; init; }
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? Until { get; init; }

    public string? Identifier => Arguments.GetValueOrDefault("identifier");
    public string? MetadataPrefix => Arguments.GetValueOrDefault("metadataPrefix");
    public string? Set => Arguments.GetValueOrDefault("set");
    public string? ResumptionToken => Arguments.GetValueOrDefault("resumptionToken");

    public static bool TryParse(IReadOnlyDictionary<string, string[]> raw, out OaiRequest? request, out OaiError? error)
    {
        request = null;
        error = Check(raw, out var verb, out var args);
        if (error is not null) return false;
        DateTimeOffset? from = null, until = null;
        bool? fromDay = null;
        if (args.TryGetValue("from", out var f))
        {
            if (!OaiDatestamp.TryParse(f, upperBound: false, out var value, out var day))
                return Fail(out error, $"from '{f}' is not a date in YYYY-MM-DD or {OaiDatestamp.Granularity}");
            (from, fromDay) = (value, day);
        }
        if (args.TryGetValue("until", out var u))
        {
            if (!OaiDatestamp.TryParse(u, upperBound: true, out var value, out var day))
                return Fail(out error, $"until '{u}' is not a date in YYYY-MM-DD or {OaiDatestamp.Granularity}");
            if (fromDay is not null && fromDay != day)
                return Fail(out error, "from and until must have the same granularity");
            until = value;
        }
        if (from is not null && until is not null && from > until)
            return Fail(out error, $"from ({f}) is later than until ({u})");
        if (args.TryGetValue("metadataPrefix", out var prefix) && !TokenPattern().IsMatch(prefix))
            return Fail(out error, $"metadataPrefix '{prefix}' has characters the protocol does not allow");
        if (args.TryGetValue("set", out var set) && !SetPattern().IsMatch(set))
            return Fail(out error, $"set '{set}' is not a valid set spec");
        request = new OaiRequest { Verb = verb!, Arguments = args, From = from, Until = until };
        return true;
    }

    private static OaiError? Check(IReadOnlyDictionary<string, string[]> raw, out string? verb, out Dictionary<string, string> args)
    {
        verb = null;
        args = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!raw.TryGetValue("verb", out var verbs) || verbs.Length == 0)
            return OaiError.BadVerb("the verb argument is missing");
        if (verbs.Length > 1) return OaiError.BadVerb("the verb argument is repeated");
        verb = verbs[0];
        if (!Verbs.TryGetValue(verb, out var rules)) return OaiError.BadVerb($"'{verb}' is not an OAI-PMH verb");

        foreach (var (name, values) in raw)
        {
            if (name == "verb") continue;
            var allowed = rules.Required.Contains(name) || rules.Optional.Contains(name) || (rules.Resumable && name == "resumptionToken");
            if (!allowed) return OaiError.BadArgument($"'{name}' is not an argument of {verb}");
            if (values.Length != 1) return OaiError.BadArgument($"the argument '{name}' is repeated");
            if (string.IsNullOrEmpty(values[0])) return OaiError.BadArgument($"the argument '{name}' is empty");
            args[name] = values[0];
        }
        if (args.ContainsKey("resumptionToken"))
            return args.Count == 1 ? null : OaiError.BadArgument("resumptionToken is an exclusive argument");
        var given = args;
        var missing = rules.Required.FirstOrDefault(r => !given.ContainsKey(r));
        return missing is null ? null : OaiError.BadArgument($"{verb} requires the argument '{missing}'");
    }

    private static bool Fail(out OaiError? error, string message)
    {
        error = OaiError.BadArgument(message);
        return false;
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*$")]
    private static partial Regex SetPattern();
}
