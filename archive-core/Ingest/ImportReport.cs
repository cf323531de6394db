using System.Text;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>One error in the input: the physical line its row starts on, the column (when one is to blame) and why.</summary>
public sealed record ImportIssue(int Line, string? Column, string Message)
{
    /// <summary>The input file's name, so errors from the authorities and the records file can be told apart.</summary>
    public string? File { get; init; }

    public override string ToString()
    {
        var where = string.Join(", ", new[] { Line > 0 ? $"line {Line}" : null, Column is null ? null : $"column {Column}" }.OfType<string>());
        return string.Join(": ", new[] { File, where.Length > 0 ? where : null, Message }.OfType<string>());
    }
}

/// <summary>An authority created because a record row named someone or something the archive did not know yet.</summary>
public sealed record NewAuthorityNote(AuthorityKind Kind, string Id, string Name, int FirstLine);

/// <summary>What an import did (or, on a dry run, what it found).</summary>
public sealed record ImportSummary
{
    public int AuthorityRowsRead { get; init; }
    public int RecordRowsRead { get; init; }
    public int RowsRead => AuthorityRowsRead + RecordRowsRead;
    public int RecordsCreated { get; init; }
    public int RecordsUpdated { get; init; }
    public int RecordsUnchanged { get; init; }
    public int AuthoritiesCreated { get; init; }
    public int AuthoritiesUpdated { get; init; }
    public int AuthoritiesUnchanged { get; init; }
    public IReadOnlyList<NewAuthorityNote> NewAuthoritiesFromNames { get; init; } = [];
    public int FilesStored { get; init; }
}

public sealed record ImportReport(IReadOnlyList<ImportIssue> Issues, ImportSummary Summary, bool DryRun)
{
    public bool Succeeded => Issues.Count == 0;

    /// <summary>True when something was written; a report with issues never wrote anything it was asked to validate.</summary>
    public bool Written { get; init; }

    /// <summary>The text the <c>import</c> verb prints.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        foreach (var issue in Issues) sb.Append("error: ").AppendLine(issue.ToString());
        var s = Summary;
        sb.AppendLine($"rows read: {s.RowsRead} ({s.AuthorityRowsRead} authorities, {s.RecordRowsRead} records)");
        if (!Succeeded)
        {
            sb.AppendLine($"{Issues.Count} error(s); nothing was written");
            return sb.ToString();
        }
        if (DryRun)
        {
            sb.AppendLine($"dry run, nothing written: {s.RecordsCreated} record(s) and {s.AuthoritiesCreated} authorit(ies) would be new, "
                + $"{s.RecordsUpdated} record(s) and {s.AuthoritiesUpdated} authorit(ies) already exist");
        }
        else
        {
            sb.AppendLine($"records: {s.RecordsCreated} created, {s.RecordsUpdated} updated, {s.RecordsUnchanged} unchanged");
            sb.AppendLine($"authorities: {s.AuthoritiesCreated} created, {s.AuthoritiesUpdated} updated, {s.AuthoritiesUnchanged} unchanged");
            sb.AppendLine($"files stored: {s.FilesStored}");
        }
        if (s.NewAuthoritiesFromNames.Count > 0)
        {
            sb.AppendLine($"new authorities from names in records: {s.NewAuthoritiesFromNames.Count}");
            foreach (var n in s.NewAuthoritiesFromNames)
                sb.AppendLine($"  {n.Kind.Code()} {n.Id} '{n.Name}' (first on line {n.FirstLine})");
        }
        return sb.ToString();
    }
}
