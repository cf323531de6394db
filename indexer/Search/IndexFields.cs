using System.Globalization;
using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace HafizaIzmir.Indexer.Search;

/// <summary>The Lucene field names and how a <see cref="SearchDocument"/> is written under them.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Level = "level";
    public const string Ancestor = "ancestor";
    /// <summary>The enclosing levels as indexed, so a move in the tree can be told from a save in place.</summary>
    public const string StoredAncestors = "ancestors_stored";
    public const string StoredTitle = "title_stored";
    public const string StoredDescription = "description_stored";
    public const string StoredDescriptionEn = "description_en_stored";
    public const string StoredOcr = "ocr_stored";
    public const string DateText = "date_text";
    /// <summary>Every year the date may fall in (a range spreads over its years).</summary>
    public const string Year = "year";
    /// <summary>The year of a date no wider than one year: ranks exact years above ranges.</summary>
    public const string ExactYear = "year_exact";
    /// <summary>Years of a date at most <see cref="NarrowSpan"/> years wide: ranks a 1920/1925 letter above a fonds of 1890/1957.</summary>
    public const string NarrowYear = "year_narrow";
    public const int NarrowSpan = 10;
    public const string FromYear = "from_year";
    public const string ToYear = "to_year";
    public const string DateSort = "date_sort";
    public const string TitleSort = "title_sort";
    public const string IdSort = "id_sort";
    public const string Spelling = "spell.words";

    /// <summary>Searchable texts, each indexed under every <see cref="SubField"/>.</summary>
    public const string Title = "title", Names = "names", Keywords = "keywords", Description = "description", Context = "context", Ocr = "ocr";

    /// <summary>Facet dimensions as named in the API.</summary>
    public static readonly IReadOnlyList<string> FacetDimensions = ["person", "institution", "place", "axis", "type", "genre", "language", "decade"];

    /// <summary>A value's filter term lives in the dimension's own field; its id and label in the doc values field.</summary>
    public static string FacetValues(string dimension) => "facet_" + dimension;

    public const char LabelSeparator = '\u001F';

    public static Document ToLucene(SearchDocument doc)
    {
        var d = new Document
        {
            new StringField(Id, doc.Identifier, Field.Store.YES),
            new SortedDocValuesField(IdSort, new BytesRef(doc.Identifier)),
            new StringField(Level, doc.Level.ToString().ToLowerInvariant(), Field.Store.YES),
            new StoredField(StoredTitle, doc.Title),
            new SortedDocValuesField(TitleSort, new BytesRef(TurkishSortKey.For(doc.Title))),
        };
        foreach (var a in doc.Ancestors) d.Add(new StringField(Ancestor, a, Field.Store.NO));
        d.Add(new StoredField(StoredAncestors, string.Join(LabelSeparator, doc.Ancestors)));

        AddText(d, Title, doc.Title, doc.TitleEn);
        AddText(d, Names, [.. doc.Names]);
        AddText(d, Keywords, [.. doc.Keywords]);
        AddText(d, Description, doc.Description, doc.DescriptionEn);
        AddText(d, Context, [.. doc.Context]);
        AddText(d, Ocr, doc.Ocr);
        if (!string.IsNullOrEmpty(doc.Description)) d.Add(new StoredField(StoredDescription, doc.Description));
        if (!string.IsNullOrEmpty(doc.DescriptionEn)) d.Add(new StoredField(StoredDescriptionEn, doc.DescriptionEn));
        if (!string.IsNullOrEmpty(doc.Ocr)) d.Add(new StoredField(StoredOcr, doc.Ocr));

        AddDate(d, doc);
        AddFacet(d, "person", doc.Persons);
        AddFacet(d, "institution", doc.Institutions);
        AddFacet(d, "place", doc.Places);
        AddFacet(d, "axis", doc.Axes);
        AddFacet(d, "type", doc.Type is null ? [] : [doc.Type]);
        AddFacet(d, "genre", doc.Genre is null ? [] : [doc.Genre]);
        AddFacet(d, "language", doc.Languages);
        AddFacet(d, "decade", doc.Decades);
        return d;
    }

    private static void AddText(Document d, string field, params string?[] values)
    {
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            foreach (var sub in SubFields.Searched) d.Add(new TextField(SubFields.Of(field, sub), value, Field.Store.NO));
            d.Add(new TextField(Spelling, value, Field.Store.NO));
        }
    }

    private static void AddDate(Document d, SearchDocument doc)
    {
        if (doc.DateText is not null) d.Add(new StoredField(DateText, doc.DateText));
        if (doc.Earliest is { } earliest) d.Add(new NumericDocValuesField(DateSort, earliest.DayNumber));
        if (doc.FromYear is not { } from || doc.ToYear is not { } to) return;
        d.Add(new Int32Field(FromYear, from, Field.Store.NO));
        d.Add(new Int32Field(ToYear, to, Field.Store.NO));
        if (from == to) d.Add(new StringField(ExactYear, YearTerm(from), Field.Store.NO));
        if (to - from > SearchDocumentBuilder.MaxSpreadYears) return;
        for (var y = from; y <= to; y++)
        {
            d.Add(new StringField(Year, YearTerm(y), Field.Store.NO));
            if (to - from < NarrowSpan) d.Add(new StringField(NarrowYear, YearTerm(y), Field.Store.NO));
        }
    }

    private static void AddFacet(Document d, string dimension, IEnumerable<FacetValue> values)
    {
        foreach (var v in values.DistinctBy(v => v.Id))
        {
            d.Add(new StringField(dimension, v.Id, Field.Store.NO));
            d.Add(new SortedSetDocValuesField(FacetValues(dimension), new BytesRef(v.Id + LabelSeparator + v.Label)));
        }
    }

    public static string YearTerm(int year) => year.ToString(CultureInfo.InvariantCulture);
}
