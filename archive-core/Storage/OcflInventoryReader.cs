using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// Reads an inventory and checks it against the structural rules of the OCFL specification, reporting each
/// breach with its validation code. Codes starting with W are warnings.
/// </summary>
internal static partial class OcflInventoryReader
{
    private static readonly HashSet<string> KnownKeys = ["id", "type", "digestAlgorithm", "head", "contentDirectory", "fixity", "manifest", "versions"];

    /// <summary>Parses and checks; returns null when the inventory is unusable (problems say why).</summary>
    public static OcflInventory? Read(byte[] bytes, string where, List<OcflProblem> problems)
    {
        JsonObject root;
        try
        {
            if (JsonNode.Parse(bytes) is not JsonObject o) { problems.Add(new(where, "E033", "the inventory is not a JSON object")); return null; }
            root = o;
        }
        catch (JsonException e)
        {
            problems.Add(new(where, "E033", $"the inventory is not valid JSON: {e.Message}"));
            return null;
        }
        void Problem(string code, string message) => problems.Add(new(where, code, message));

        foreach (var key in root.Select(p => p.Key).Where(k => !KnownKeys.Contains(k)))
            Problem("E102", $"unknown key '{key}'");
        var id = Text(root, "id");
        var type = Text(root, "type");
        var algorithm = Text(root, "digestAlgorithm");
        var headText = Text(root, "head");
        if (string.IsNullOrEmpty(id)) Problem("E036", "'id' is missing or not a string");
        if (type is null) Problem("E036", "'type' is missing or not a string");
        else if (type is not (OcflInventory.Type10 or OcflInventory.Type11)) Problem("E038", $"'type' {type} is not an OCFL inventory type");
        if (algorithm is null) Problem("E036", "'digestAlgorithm' is missing or not a string");
        else if (algorithm == "sha256") Problem("W004", "sha256 is allowed but sha512 should be used");
        else if (algorithm != "sha512") Problem("E025", $"digestAlgorithm '{algorithm}' is neither sha512 nor sha256");
        if (headText is null) Problem("E036", "'head' is missing or not a string");

        var contentDirectory = OcflInventory.DefaultContentDirectory;
        var contentDirectoryGiven = root.ContainsKey("contentDirectory");
        if (contentDirectoryGiven)
        {
            var cd = Text(root, "contentDirectory");
            if (cd is null || cd.Contains('/') || cd is "." or ".." or "") Problem("E017", $"contentDirectory '{cd}' is not a plain directory name");
            else contentDirectory = cd;
        }

        var manifest = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (root["manifest"] is not JsonObject manifestNode)
            Problem(root.ContainsKey("manifest") ? "E106" : "E041", "'manifest' is missing or not a JSON object");
        else
            ReadDigestMap(manifestNode, manifest, "manifest", "E096", Problem, isContent: true);
        var contentPaths = manifest.SelectMany(p => p.Value).ToList();
        CheckConflicts(contentPaths, "E101", "content path", Problem);

        var versions = new SortedDictionary<int, OcflInventoryVersion>();
        var padding = 0;
        if (root["versions"] is not JsonObject versionsNode)
        {
            Problem(root.ContainsKey("versions") ? "E044" : "E043", "'versions' is missing or not a JSON object");
        }
        else
        {
            if (versionsNode.Count == 0) Problem("E008", "there are no versions");
            foreach (var (name, node) in versionsNode)
            {
                if (!TryVersionNumber(name, out var number, out var width)) { Problem("E046", $"version key '{name}' is not v followed by a number"); continue; }
                if (width > 0) padding = width;
                if (node is not JsonObject v) { Problem("E047", $"version {name} is not a JSON object"); continue; }
                var version = ReadVersion(name, v, manifest, Problem);
                if (version is not null) versions[number] = version;
            }
            var numbers = versionsNode.Select(p => TryVersionNumber(p.Key, out var n, out _) ? n : -1).Where(n => n > 0).Order().ToList();
            if (numbers.Count > 0 && numbers[0] != 1) Problem("E009", $"versions start at v{numbers[0]}, not v1");
            else if (numbers.Count > 0 && numbers[^1] != numbers.Count) Problem("E010", $"versions v1..v{numbers[^1]} have gaps ({numbers.Count} present)");
        }

        var head = 0;
        if (headText is not null)
        {
            if (!TryVersionNumber(headText, out head, out _)) Problem("E040", $"head '{headText}' is not a version name");
            else if (versions.Count > 0 && head != versions.Keys.Max()) Problem("E040", $"head {headText} is not the latest version v{versions.Keys.Max()}");
        }

        var used = versions.Values.SelectMany(v => v.State.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var digest in manifest.Keys.Where(d => !used.Contains(d)))
            Problem("E107", $"manifest digest {Short(digest)} is not used by any version");

        JsonObject? fixity = null;
        if (root.ContainsKey("fixity"))
        {
            if (root["fixity"] is not JsonObject f) Problem("E111", "'fixity' is not a JSON object");
            else
            {
                fixity = f;
                var known = contentPaths.ToHashSet(StringComparer.Ordinal);
                foreach (var (alg, block) in f)
                {
                    if (block is not JsonObject digests) { Problem("E057", $"fixity block '{alg}' is not a JSON object"); continue; }
                    var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                    ReadDigestMap(digests, map, $"fixity {alg}", "E097", Problem, isContent: true);
                    foreach (var path in map.Values.SelectMany(p => p).Where(p => !known.Contains(p)))
                        Problem("E057", $"fixity {alg} names '{path}', which is not in the manifest");
                }
            }
        }

        if (string.IsNullOrEmpty(id) || headText is null) return null;
        return new OcflInventory
        {
            Id = id,
            Type = type ?? OcflInventory.Type11,
            DigestAlgorithm = algorithm ?? "sha512",
            Head = head,
            ContentDirectory = contentDirectory,
            ContentDirectoryGiven = contentDirectoryGiven,
            Padding = padding,
            Manifest = manifest,
            Versions = versions,
            Fixity = fixity,
        };
    }

    private static OcflInventoryVersion? ReadVersion(string name, JsonObject v, Dictionary<string, List<string>> manifest, Action<string, string> problem)
    {
        var createdText = Text(v, "created");
        DateTimeOffset created = default;
        if (createdText is null) problem("E048", $"version {name} has no 'created'");
        else if (!TryParseCreated(createdText, out created)) problem("E049", $"version {name}: created '{createdText}' is not an RFC 3339 date-time with a time zone");
        string? message = null;
        if (v.ContainsKey("message"))
        {
            if (Text(v, "message") is { } m) message = m;
            else problem("E094", $"version {name}: 'message' is not a string");
        }
        string? userName = null, userAddress = null;
        if (v["user"] is JsonObject user)
        {
            userName = Text(user, "name");
            userAddress = Text(user, "address");
            if (userName is null) problem("E054", $"version {name}: 'user' has no 'name'");
        }
        else if (v.ContainsKey("user")) problem("E054", $"version {name}: 'user' is not a JSON object");
        if (!v.ContainsKey("message") || !v.ContainsKey("user")) problem("W007", $"version {name} should have 'message' and 'user'");

        var state = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (v["state"] is not JsonObject stateNode) { problem("E048", $"version {name} has no 'state' object"); return null; }
        ReadDigestMap(stateNode, state, $"version {name} state", "E050", problem, isContent: false);
        foreach (var digest in state.Keys.Where(d => !manifest.ContainsKey(d)))
            problem("E050", $"version {name}: state digest {Short(digest)} is not in the manifest");
        CheckConflicts(state.Values.SelectMany(p => p).ToList(), "E095", $"version {name}: logical path", problem);
        return createdText is null ? null : new OcflInventoryVersion(created, message, userName, userAddress, state);
    }

    private static void ReadDigestMap(JsonObject node, Dictionary<string, List<string>> into, string what, string duplicateCode, Action<string, string> problem, bool isContent)
    {
        foreach (var (digest, paths) in node)
        {
            var key = digest.ToLowerInvariant();
            if (!HexDigest().IsMatch(digest)) problem(isContent ? "E092" : "E050", $"{what}: '{Short(digest)}' is not a hex digest");
            if (into.ContainsKey(key)) { problem(duplicateCode, $"{what}: digest {Short(digest)} appears more than once (ignoring case)"); continue; }
            if (paths is not JsonArray array || array.Count == 0) { problem(isContent ? "E092" : "E051", $"{what}: digest {Short(digest)} needs a non-empty array of paths"); continue; }
            var list = new List<string>();
            foreach (var item in array)
            {
                if (item?.GetValueKind() != JsonValueKind.String) { problem(isContent ? "E092" : "E051", $"{what}: a path of {Short(digest)} is not a string"); continue; }
                var path = item.GetValue<string>();
                if (PathProblem(path) is { } reason) problem(isContent ? (path.StartsWith('/') || path.EndsWith('/') ? "E100" : "E099") : (path.StartsWith('/') || path.EndsWith('/') ? "E053" : "E052"), $"{what}: '{path}' {reason}");
                list.Add(path);
            }
            into[key] = list;
        }
    }

    /// <summary>Paths must be unique and no path may be a directory of another ("a" and "a/b").</summary>
    private static void CheckConflicts(List<string> paths, string code, string what, Action<string, string> problem)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths.Where(p => !set.Add(p))) problem(code, $"{what} '{path}' appears more than once");
        foreach (var path in set)
        {
            for (var i = path.IndexOf('/'); i > 0; i = path.IndexOf('/', i + 1))
                if (set.Contains(path[..i])) problem(code, $"{what} '{path[..i]}' is both a file and a directory of '{path}'");
        }
    }

    internal static string? PathProblem(string path)
    {
        if (path.Length == 0) return "is empty";
        if (path.StartsWith('/') || path.EndsWith('/')) return "begins or ends with '/'";
        return path.Split('/').Any(s => s is "" or "." or "..") ? "has an empty, '.' or '..' segment" : null;
    }

    internal static bool TryVersionNumber(string name, out int number, out int padding)
    {
        number = 0;
        padding = 0;
        if (name.Length < 2 || name[0] != 'v' || !name.AsSpan(1).ToString().All(char.IsAsciiDigit)) return false;
        if (!int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1) return false;
        if (name[1] == '0') padding = name.Length - 1;
        return true;
    }

    internal static bool TryParseCreated(string text, out DateTimeOffset created)
    {
        created = default;
        var match = Rfc3339().Match(text);
        if (!match.Success) return false;
        var fraction = match.Groups["fraction"].Value;
        if (fraction.Length > 8) fraction = fraction[..8]; // '.' and at most seven digits: .NET's precision
        var normalized = match.Groups["main"].Value + fraction + (match.Groups["zone"].Value is "Z" or "z" ? "+00:00" : match.Groups["zone"].Value);
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out created);
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Short(string digest) => digest.Length > 16 ? digest[..16] + "…" : digest;

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexDigest();

    [GeneratedRegex(@"^(?<main>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?<fraction>\.\d+)?(?<zone>[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
