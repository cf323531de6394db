namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// The analyses every searchable text is indexed under, strongest match first. A field
/// <c>title</c> is written as <c>title.exact</c>, <c>title.stem</c>, <c>title.fold</c> and <c>title.prefix</c>.
/// </summary>
/// <see cref="Words"/> is not searched: it holds folded, unstemmed words as the dictionary for
/// "did you mean".
public enum SubField { Exact, Stem, Fold, Prefix, Words }

public static class SubFields
{
    /// <summary>The sub-fields a query searches, in order of decreasing weight.</summary>
    public static readonly IReadOnlyList<SubField> Searched = [SubField.Exact, SubField.Stem, SubField.Fold, SubField.Prefix];
    public static readonly IReadOnlyList<SubField> All = [.. Searched, SubField.Words];

    public static string Suffix(this SubField sub) => sub switch
    {
        SubField.Exact => ".exact",
        SubField.Stem => ".stem",
        SubField.Fold => ".fold",
        SubField.Prefix => ".prefix",
        _ => ".words",
    };

    public static string Of(string field, SubField sub) => field + sub.Suffix();

    public static SubField? Parse(string fieldName)
    {
        foreach (var sub in All)
            if (fieldName.EndsWith(sub.Suffix(), StringComparison.Ordinal)) return sub;
        return null;
    }
}
