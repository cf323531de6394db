using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HafizaIzmir.Archive.Storage;

/// <summary>A problem that <c>verify --repair</c> may fix: the files to remove (or sidecar to rewrite), and their age.</summary>
internal sealed record OcflRepair(OcflProblem Problem, IReadOnlyList<BlobProperties> Files, Func<CancellationToken, Task> Apply);

/// <summary>Checks one OCFL object against the specification: structure, inventories, sidecars, fixity.</summary>
internal sealed partial class OcflObjectCheck(IBlobStore store, string objectKey)
{
    public List<OcflProblem> Problems { get; } = [];
    public List<OcflRepair> Repairs { get; } = [];

    private Dictionary<string, BlobProperties> files = [];

    private void Problem(string where, string code, string message) =>
        Problems.Add(new($"{objectKey}/{where}".TrimEnd('/'), code, message));

    private void Repairable(string where, string code, string message, IEnumerable<BlobProperties> affected, Func<CancellationToken, Task> apply)
    {
        var problem = new OcflProblem($"{objectKey}/{where}".TrimEnd('/'), code, message);
        Problems.Add(problem);
        Repairs.Add(new OcflRepair(problem, affected.ToList(), apply));
    }

    public async Task RunAsync(CancellationToken ct)
    {
        files = await store.ListAsync(objectKey + "/", ct).ToDictionaryAsync(b => b.Key[(objectKey.Length + 1)..], StringComparer.Ordinal, ct);
        var spec = await CheckDeclarationAsync(ct);
        if (!files.ContainsKey("inventory.json"))
        {
            if (files.Keys.All(k => k.StartsWith("0=", StringComparison.Ordinal) || k.StartsWith("v1/", StringComparison.Ordinal)) && files.Count > 0)
                Repairable("", "E063", "no root inventory: the first version was never committed (an interrupted write)", files.Values, DeleteAll(files.Values));
            else
                Problem("inventory.json", "E063", "the object has no root inventory");
            return;
        }
        var rootBytes = (await store.GetAsync($"{objectKey}/inventory.json", ct))?.Bytes ?? [];
        var inventory = OcflInventoryReader.Read(rootBytes, $"{objectKey}/inventory.json", Problems);
        if (inventory is null) return;
        if (spec is not null && inventory.Type != $"https://ocfl.io/{spec}/spec/#inventory")
            Problem("inventory.json", "E038", $"type {inventory.Type} does not match the declaration ocfl_object_{spec}");
        await CheckSidecarAsync("", rootBytes, inventory, ct);
        CheckRootEntries();
        var contentFiles = CheckVersionDirectories(inventory);
        await CheckVersionInventoriesAsync(inventory, rootBytes, contentFiles, ct);
        await CheckContentAsync(inventory, contentFiles, ct);
    }

    private async Task<string?> CheckDeclarationAsync(CancellationToken ct)
    {
        var declarations = files.Keys.Where(k => !k.Contains('/') && k.StartsWith("0=", StringComparison.Ordinal)).ToList();
        if (declarations.Count != 1)
        {
            Problem("", "E003", declarations.Count == 0 ? "no object declaration (0=ocfl_object_1.x)" : $"{declarations.Count} object declarations");
            return null;
        }
        var match = Declaration().Match(declarations[0]);
        if (!match.Success) { Problem(declarations[0], "E006", "the declaration is not 0=ocfl_object_1.0 or 0=ocfl_object_1.1"); return null; }
        var text = (await store.GetAsync($"{objectKey}/{declarations[0]}", ct))?.Bytes;
        if (text is null || Encoding.UTF8.GetString(text) != declarations[0][2..] + "\n")
            Problem(declarations[0], "E007", $"the declaration must contain '{declarations[0][2..]}' and a newline");
        return match.Groups[1].Value;
    }

    /// <summary>A sidecar must exist and hold the inventory's digest; the root one is rebuilt if the root equals the head's copy.</summary>
    private async Task CheckSidecarAsync(string directory, byte[] bytes, OcflInventory inventory, CancellationToken ct)
    {
        var name = $"{directory}inventory.json.{inventory.DigestAlgorithm}";
        string? problem = null, code = null;
        if (!files.ContainsKey(name)) (code, problem) = ("E058", $"the inventory has no sidecar {name}");
        else if (OcflDigests.IsSupported(inventory.DigestAlgorithm))
        {
            var text = Encoding.UTF8.GetString((await store.GetAsync($"{objectKey}/{name}", ct))?.Bytes ?? []);
            var parts = text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            var actual = (await OcflDigests.ComputeAsync(new MemoryStream(bytes), [inventory.DigestAlgorithm], ct))[inventory.DigestAlgorithm];
            if (parts.Length != 2 || parts[1] != "inventory.json") (code, problem) = ("E061", $"{name} is not 'DIGEST inventory.json'");
            else if (!parts[0].Equals(actual, StringComparison.OrdinalIgnoreCase)) (code, problem) = ("E060", $"{name} does not match the inventory's digest");
        }
        if (code is null) return;
        if (directory.Length == 0 && inventory.DigestAlgorithm == "sha512" && await HeadCopyAsync(inventory, ct) is { } copy && copy.AsSpan().SequenceEqual(bytes))
        {
            Repairable(name, code, problem + " (the root inventory equals the head version's inventory: the commit finished, its sidecar can be rewritten)", [],
                c => store.PutAsync($"{objectKey}/{name}", new MemoryStream(Encoding.UTF8.GetBytes(OcflInventory.Sidecar(bytes))), BlobCondition.None, c));
            return;
        }
        Problem(name, code, problem!);
    }

    private async Task<byte[]?> HeadCopyAsync(OcflInventory inventory, CancellationToken ct) =>
        (await store.GetAsync($"{objectKey}/{inventory.VersionName(inventory.Head)}/inventory.json", ct))?.Bytes;

    private void CheckRootEntries()
    {
        foreach (var key in files.Keys)
        {
            var slash = key.IndexOf('/');
            if (slash < 0)
            {
                if (!key.StartsWith("0=", StringComparison.Ordinal) && key != "inventory.json" && !key.StartsWith("inventory.json.", StringComparison.Ordinal))
                    Problem(key, "E001", "unexpected file in the object root");
                continue;
            }
            var first = key[..slash];
            if (first == "logs" || OcflInventoryReader.TryVersionNumber(first, out _, out _)) continue;
            if (first != "extensions") { Problem(first, "E001", "unexpected directory in the object root"); continue; }
            var rest = key[(slash + 1)..];
            if (!rest.Contains('/')) Problem(key, "E067", "the extensions directory may hold only extension directories");
            else if (!ExtensionName().IsMatch(rest[..rest.IndexOf('/')])) Problem(key, "W013", $"extension '{rest[..rest.IndexOf('/')]}' is not a registered extension name");
        }
    }

    /// <summary>Checks which files version directories hold; returns the content files of committed versions.</summary>
    private List<string> CheckVersionDirectories(OcflInventory inventory)
    {
        var content = new List<string>();
        foreach (var group in files.Keys.Where(k => k.Contains('/')).GroupBy(k => k[..k.IndexOf('/')]))
        {
            if (!OcflInventoryReader.TryVersionNumber(group.Key, out var number, out _)) continue;
            if (number > inventory.Head)
            {
                var leftovers = group.Select(k => files[k]).ToList();
                Repairable(group.Key, "E040", $"version directory {group.Key} is above the head v{inventory.Head}: the leftover of an interrupted write", leftovers, DeleteAll(leftovers));
                continue;
            }
            foreach (var key in group)
            {
                var rest = key[(group.Key.Length + 1)..];
                if (!rest.Contains('/'))
                {
                    if (rest != "inventory.json" && !rest.StartsWith("inventory.json.", StringComparison.Ordinal))
                        Problem(key, "E015", "unexpected file in a version directory");
                }
                else if (rest.StartsWith(inventory.ContentDirectory + "/", StringComparison.Ordinal)) content.Add(key);
                else Problem(key, "W002", "a version directory should hold no directory but the content directory");
            }
        }
        return content;
    }

    private async Task CheckVersionInventoriesAsync(OcflInventory root, byte[] rootBytes, List<string> contentFiles, CancellationToken ct)
    {
        var previousSpec = "1.0";
        var inRoot = root.Manifest.Values.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        foreach (var number in root.Versions.Keys)
        {
            var name = root.VersionName(number);
            var key = $"{name}/inventory.json";
            if (!files.ContainsKey(key)) { Problem(name, "W010", "the version directory has no inventory"); continue; }
            var bytes = (await store.GetAsync($"{objectKey}/{key}", ct))?.Bytes ?? [];
            var inventory = OcflInventoryReader.Read(bytes, $"{objectKey}/{key}", Problems);
            if (inventory is null) continue;
            await CheckSidecarAsync(name + "/", bytes, inventory, ct);
            if (inventory.Id != root.Id) Problem(key, "E110", $"id '{inventory.Id}' differs from the root's '{root.Id}'");
            if (inventory.Head != number) Problem(key, "E040", $"head v{inventory.Head} is not {name}");
            if (inventory.ContentDirectory != root.ContentDirectory) Problem(key, "E019", $"contentDirectory '{inventory.ContentDirectory}' differs from '{root.ContentDirectory}'");
            if (string.CompareOrdinal(inventory.SpecVersion, previousSpec) < 0) Problem(key, "E103", $"OCFL {inventory.SpecVersion} is older than the preceding version's {previousSpec}");
            previousSpec = inventory.SpecVersion;
            if (number == root.Head && !bytes.AsSpan().SequenceEqual(rootBytes)) Problem(key, "E064", "the head version's inventory differs from the root inventory");
            foreach (var (earlier, version) in inventory.Versions)
            {
                if (!root.Versions.TryGetValue(earlier, out var rootVersion)) continue;
                var same = inventory.DigestAlgorithm == root.DigestAlgorithm
                    ? SameState(version.PathToDigest(), rootVersion.PathToDigest())
                    : version.PathToDigest().Keys.Order(StringComparer.Ordinal).SequenceEqual(rootVersion.PathToDigest().Keys.Order(StringComparer.Ordinal));
                if (!same) Problem(key, "E066", $"its state of v{earlier} differs from the root inventory's");
            }
            // Files the root manifest does not list either are leftovers, reported (and repaired) once by CheckContentAsync.
            var listed = inventory.Manifest.Values.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
            foreach (var file in contentFiles.Where(f => VersionOf(f) <= number && !listed.Contains(f) && inRoot.Contains(f)))
                Problem(key, "E023", $"content file {file} is not in this inventory's manifest");
        }
    }

    private async Task CheckContentAsync(OcflInventory inventory, List<string> contentFiles, CancellationToken ct)
    {
        var manifestPaths = inventory.Manifest.SelectMany(p => p.Value.Select(path => (Path: path, Digest: p.Key)))
            .GroupBy(x => x.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Digest, StringComparer.Ordinal);
        foreach (var file in contentFiles.Where(f => !manifestPaths.ContainsKey(f)))
            Repairable(file, "E023", "content file not in the manifest", [files[file]], DeleteAll([files[file]]));

        var fixity = FixityByPath(inventory.Fixity);
        foreach (var (path, digest) in manifestPaths)
        {
            var slash = path.IndexOf('/');
            if (slash < 0 || !OcflInventoryReader.TryVersionNumber(path[..slash], out var version, out _) || version > inventory.Head
                || !path[(slash + 1)..].StartsWith(inventory.ContentDirectory + "/", StringComparison.Ordinal))
            {
                Problem(path, "E019", $"content path is not inside a committed version's '{inventory.ContentDirectory}' directory");
                continue;
            }
            if (!files.ContainsKey(path)) { Problem(path, "E092", "the manifest lists this content file but it does not exist"); continue; }
            var expected = fixity.GetValueOrDefault(path) ?? [];
            if (OcflDigests.IsSupported(inventory.DigestAlgorithm)) expected.Insert(0, (inventory.DigestAlgorithm, digest));
            expected.RemoveAll(e => !OcflDigests.IsSupported(e.Algorithm));
            if (expected.Count == 0) continue;
            await using var stream = await store.OpenReadAsync($"{objectKey}/{path}", ct);
            if (stream is null) { Problem(path, "E092", "content file vanished while being checked"); continue; }
            var actual = await OcflDigests.ComputeAsync(stream, expected.Select(e => e.Algorithm), ct);
            foreach (var (algorithm, value) in expected)
            {
                if (actual[algorithm].Equals(value, StringComparison.OrdinalIgnoreCase)) continue;
                var code = algorithm == inventory.DigestAlgorithm && value == digest ? "E092" : "E093";
                Problem(path, code, $"{algorithm} of the content is {actual[algorithm][..Math.Min(16, actual[algorithm].Length)]}…, the inventory says {value[..Math.Min(16, value.Length)]}…");
            }
        }
    }

    private static Dictionary<string, List<(string Algorithm, string Digest)>> FixityByPath(JsonObject? fixity)
    {
        var result = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        if (fixity is null) return result;
        foreach (var (algorithm, block) in fixity)
        {
            if (block is not JsonObject digests) continue;
            foreach (var (digest, paths) in digests)
                foreach (var path in (paths as JsonArray ?? []).Select(p => p?.ToString()).OfType<string>())
                {
                    if (!result.TryGetValue(path, out var list)) result[path] = list = [];
                    list.Add((algorithm, digest.ToLowerInvariant()));
                }
        }
        return result;
    }

    private static bool SameState(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var d) && d == p.Value);

    private static int VersionOf(string contentFile) =>
        OcflInventoryReader.TryVersionNumber(contentFile[..contentFile.IndexOf('/')], out var n, out _) ? n : int.MaxValue;

    private Func<CancellationToken, Task> DeleteAll(IEnumerable<BlobProperties> blobs)
    {
        // Inventories last: while the claim of an abandoned version exists nobody else can claim that version.
        var ordered = blobs.OrderBy(b => b.Key.EndsWith("/inventory.json", StringComparison.Ordinal)).ToList();
        return async ct => { foreach (var blob in ordered) await store.DeleteAsync(blob.Key, ct); };
    }

    [GeneratedRegex(@"^0=ocfl_object_(1\.[01])$")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\d{4}-[a-z0-9-]+$")]
    private static partial Regex ExtensionName();
}
