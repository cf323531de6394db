using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Storage;

/// <summary>
/// The official OCFL validation fixtures, read in place through a filesystem store on the read-only
/// material: good objects pass, bad objects fail with the code their name announces, warn objects pass with warnings.
/// </summary>
public sealed class OcflFixtureTests
{
    private const string Fixtures = "ocfl-fixtures";

    public static TheoryData<string, string> Objects(string kind)
    {
        var data = new TheoryData<string, string>();
        var root = SharedMaterial.Directory is { } shared ? Path.Combine(shared, Fixtures) : null;
        foreach (var version in new[] { "1.0", "1.1" })
        {
            var dir = root is null ? null : Path.Combine(root, version, kind);
            if (dir is null || !Directory.Exists(dir)) continue;
            foreach (var obj in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
                data.Add(version, Path.GetFileName(obj));
        }
        if (data.Count == 0) data.Add("absent", "absent");
        return data;
    }

    public static TheoryData<string, string> Good => Objects("good-objects");
    public static TheoryData<string, string> Bad => Objects("bad-objects");
    public static TheoryData<string, string> Warn => Objects("warn-objects");

    [Theory]
    [MemberData(nameof(Good))]
    public async Task Good_objects_are_valid(string version, string name)
    {
        var report = await VerifyAsync(version, "good-objects", name);
        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.Empty(report.Errors);
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Bad_objects_fail_with_the_code_they_exercise(string version, string name)
    {
        var report = await VerifyAsync(version, "bad-objects", name);
        Assert.False(report.IsValid);
        var expected = name.Split('_').Where(p => p.Length == 4 && p[0] == 'E').ToList();
        Assert.True(expected.Any(code => report.Errors.Any(p => p.Code == code)),
            $"expected one of {string.Join(", ", expected)}, got:\n{string.Join("\n", report.Problems)}");
    }

    [Theory]
    [MemberData(nameof(Warn))]
    public async Task Warn_objects_are_valid_with_warnings(string version, string name)
    {
        var report = await VerifyAsync(version, "warn-objects", name);
        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        var expected = name.Split('_')[0];
        Assert.Contains(report.Warnings, p => p.Code == expected);
    }

    private static async Task<OcflVerifyReport> VerifyAsync(string version, string kind, string name)
    {
        var dir = SharedMaterial.Require(Path.Combine(Fixtures, version, kind));
        var store = new FileSystemBlobStore(dir);
        var repository = new OcflRepository(store, rootPrefix: "");
        var report = await repository.VerifyObjectAsync(name, repair: false, TestContext.Current.CancellationToken);
        Assert.Equal(1, report.ObjectsChecked);
        return report;
    }
}
