using HafizaIzmir.Archive.Domain;
using Record = HafizaIzmir.Archive.Domain.Record;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Archive.Derived;

namespace HafizaIzmir.Tests.Site;

public class RecordTreeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private int _position;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private RecordTree NewTree() => new(_dir.Sub(RecordTree.FileName));

    private ArchiveChange Saved(Record record) =>
        new(new JournalEntry($"{++_position:D8}", "record:" + record.Identifier, 1, DateTimeOffset.UtcNow), Record: record);

    private ArchiveChange Deleted(string identifier) =>
        new(new JournalEntry($"{++_position:D8}", "record:" + identifier, 2, DateTimeOffset.UtcNow));

    [Fact]
    public async Task Children_come_in_reference_code_order_and_ancestors_outermost_first()
    {
        var tree = NewTree();
        var series = SampleRecords.Make("SRR-S01", Level.Series, "Mektuplar", "SRR");
        foreach (var r in new[] { SampleRecords.Make("SRR-S01-0002", Level.Item, "B", "SRR-S01"), series, SampleRecords.Fonds, SampleRecords.Make("SRR-S01-0001", Level.Item, "A", "SRR-S01") })
            await tree.ApplyAsync(Saved(r), Ct);

        Assert.Equal(["SRR-S01-0001", "SRR-S01-0002"], tree.Children("SRR-S01").Select(n => n.Identifier));
        Assert.Equal(["SRR", "SRR-S01"], tree.Ancestors("SRR-S01-0002").Select(n => n.Identifier));
        Assert.Equal(Level.Series, tree.Find("SRR-S01")?.Level);
    }

    [Fact]
    public async Task A_moved_or_unpublished_record_leaves_its_old_place()
    {
        var tree = NewTree();
        await tree.ApplyAsync(Saved(SampleRecords.Fonds), Ct);
        await tree.ApplyAsync(Saved(SampleRecords.Letter), Ct);
        await tree.ApplyAsync(Saved(SampleRecords.Letter), Ct); // a repeated entry changes nothing
        Assert.Single(tree.Children("SRR"));
        Assert.True(tree.Find("SRR-0001")!.IsPublic);

        await tree.ApplyAsync(Saved(SampleRecords.Letter with { Parent = "OTHER", State = WorkflowState.Withdrawn }), Ct);
        Assert.Empty(tree.Children("SRR"));
        Assert.False(Assert.Single(tree.Children("OTHER")).IsPublic);

        await tree.ApplyAsync(Deleted("SRR-0001"), Ct);
        Assert.Null(tree.Find("SRR-0001"));
        Assert.Empty(tree.Children("OTHER"));
    }

    [Fact]
    public async Task Authority_changes_leave_the_tree_alone()
    {
        var tree = NewTree();
        await tree.ApplyAsync(new ArchiveChange(new JournalEntry("1", "authority:kisi-x", 1, DateTimeOffset.UtcNow), Authority: SampleRecords.Reyent), Ct);
        Assert.Equal(0, tree.Count);
    }

    [Fact]
    public async Task Saved_tree_loads_back_and_a_corrupt_file_is_reported()
    {
        var tree = NewTree();
        await tree.ApplyAsync(Saved(SampleRecords.Fonds), Ct);
        await tree.ApplyAsync(Saved(SampleRecords.Draft), Ct);
        await tree.SaveAsync(Ct);

        var loaded = NewTree();
        Assert.True(await loaded.LoadAsync(Ct));
        Assert.Equal("Taslak konşimento", loaded.Find("SRR-0002")?.Title);
        Assert.False(loaded.Find("SRR-0002")!.IsPublic);
        Assert.Equal("SRR-0002", Assert.Single(loaded.Children("SRR")).Identifier);

        await File.WriteAllTextAsync(tree.Path, "{ not json", Ct);
        Assert.False(await NewTree().LoadAsync(Ct));
        File.Delete(tree.Path);
        Assert.False(await NewTree().LoadAsync(Ct));
    }
}
