using System.Text.RegularExpressions;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// Walks the storage root, checks every object (<see cref="OcflObjectCheck"/>) and, when asked, repairs what an
/// interrupted write leaves behind: version directories above the head, content files no committed manifest
/// lists, first versions that never got a root inventory, and a missing or stale root sidecar when the root
/// inventory equals the head version's. A leftover younger than <see cref="OcflRepository.AbandonedAfter"/> may
/// be a write in progress and is reported but not removed. Committed versions are never touched.
/// </summary>
internal sealed partial class OcflVerifier(OcflRepository repository)
{
    private IBlobStore Store => repository.Store;

    public async Task<OcflVerifyReport> VerifyRepositoryAsync(bool repair, IProgress<int>? progress, CancellationToken ct)
    {
        var root = repository.RootKey;
        var problems = new List<OcflProblem>();
        var repaired = new List<string>();
        var objects = new List<string>();
        var others = new List<BlobProperties>();
        var sawDeclaration = false;
        var any = false;
        await foreach (var blob in Store.ListAsync(root, ct))
        {
            any = true;
            var relative = blob.Key[root.Length..];
            if (relative == OcflRepository.RootDeclaration) { sawDeclaration = true; continue; }
            if (relative is "ocfl_layout.json" || relative.StartsWith("extensions/", StringComparison.Ordinal) || relative.StartsWith("ocfl_1.", StringComparison.Ordinal)) continue;
            if (ObjectDeclaration().IsMatch(relative)) objects.Add(blob.Key[..blob.Key.LastIndexOf('/')]);
            else others.Add(blob);
        }
        if (any && !sawDeclaration)
            problems.Add(new(root + OcflRepository.RootDeclaration, "E069", "the storage root has no declaration"));

        // Files outside every object: an object whose first commit stopped before its declaration was written.
        var objectSet = objects.ToHashSet(StringComparer.Ordinal);
        foreach (var group in others.Where(b => !InsideAny(b.Key, objectSet))
                     .GroupBy(b => FirstVersion().Match(b.Key) is { Success: true } m ? m.Groups[1].Value : b.Key))
        {
            var interrupted = group.All(b => FirstVersion().IsMatch(b.Key));
            var problem = new OcflProblem(group.Key, interrupted ? "E003" : "E072",
                interrupted ? "a first version without object declaration or root inventory: the leftover of an interrupted write"
                            : "a file that belongs to no OCFL object");
            await Handle(problem, interrupted ? new OcflRepair(problem, group.ToList(), DeleteAll(group)) : null);
        }

        var checkedCount = 0;
        foreach (var objectKey in objects)
        {
            var check = new OcflObjectCheck(Store, objectKey);
            await check.RunAsync(ct);
            foreach (var problem in check.Problems)
                await Handle(problem, check.Repairs.FirstOrDefault(r => ReferenceEquals(r.Problem, problem)));
            checkedCount++;
            progress?.Report(checkedCount);
        }
        return new OcflVerifyReport(checkedCount, problems, repaired);

        async Task Handle(OcflProblem problem, OcflRepair? fix)
        {
            if (repair && fix is not null)
            {
                if (await TryRepairAsync(fix, ct) is { } done) { repaired.Add(done); return; }
                problem = problem with { Message = problem.Message + $" (not repaired: changed within the last {repository.AbandonedAfter}, may be a write in progress)" };
            }
            problems.Add(problem);
        }
    }

    public async Task<OcflVerifyReport> VerifyObjectAsync(string objectKey, bool repair, CancellationToken ct)
    {
        var check = new OcflObjectCheck(Store, objectKey);
        await check.RunAsync(ct);
        var problems = new List<OcflProblem>();
        var repaired = new List<string>();
        foreach (var problem in check.Problems)
        {
            var fix = check.Repairs.FirstOrDefault(r => ReferenceEquals(r.Problem, problem));
            if (repair && fix is not null && await TryRepairAsync(fix, ct) is { } done) repaired.Add(done);
            else problems.Add(problem);
        }
        return new OcflVerifyReport(1, problems, repaired);
    }

    private async Task<string?> TryRepairAsync(OcflRepair fix, CancellationToken ct)
    {
        if (fix.Files.Count > 0 && repository.Clock.GetUtcNow() - fix.Files.Max(f => f.LastModified) < repository.AbandonedAfter
            && !await WritersGoneAsync(fix.Files, ct))
            return null;
        await fix.Apply(ct);
        return fix.Files.Count > 0
            ? $"{fix.Problem.Where}: removed {fix.Files.Count} file(s) ({fix.Problem.Code} {fix.Problem.Message})"
            : $"{fix.Problem.Where}: rewritten ({fix.Problem.Code} {fix.Problem.Message})";
    }

    /// <summary>True when every version directory the files lie in was left by a writer known to have exited.</summary>
    private async Task<bool> WritersGoneAsync(IEnumerable<BlobProperties> files, CancellationToken ct)
    {
        // A file outside any version directory (the object declaration of a first version that was never
        // committed) belongs to the writer of v1.
        var versionKeys = files.Select(f => VersionDirectory().Match(f.Key) is { Success: true } m
            ? m.Groups[1].Value
            : f.Key[..Math.Max(0, f.Key.LastIndexOf('/'))] + "/v1");
        foreach (var versionKey in versionKeys.Distinct(StringComparer.Ordinal))
            if (!await repository.Marks.IsWriterGoneAsync(versionKey, ct)) return false;
        return true;
    }

    [GeneratedRegex(@"^(.+/v\d+)/")]
    private static partial Regex VersionDirectory();

    private static bool InsideAny(string key, HashSet<string> objectKeys)
    {
        for (var i = key.IndexOf('/'); i > 0; i = key.IndexOf('/', i + 1))
            if (objectKeys.Contains(key[..i])) return true;
        return false;
    }

    private Func<CancellationToken, Task> DeleteAll(IEnumerable<BlobProperties> blobs)
    {
        var ordered = blobs.OrderBy(b => b.Key.EndsWith("/inventory.json", StringComparison.Ordinal)).ToList();
        return async ct => { foreach (var blob in ordered) await Store.DeleteAsync(blob.Key, ct); };
    }

    [GeneratedRegex(@"/0=ocfl_object_1\.[01]$")]
    private static partial Regex ObjectDeclaration();

    [GeneratedRegex(@"^(.+)/v1/.+$")]
    private static partial Regex FirstVersion();
}
