using System.Text;
using HafizaIzmir.Archive.Text;
using static HafizaIzmir.Bench.Import.NamePools;

namespace HafizaIzmir.Bench.Import;

/// <summary>
/// Writes a records CSV shaped like a large donated fonds: one fonds, about ten series, a file per hundred
/// rows, and items whose texts, dates and names vary the way catalogued letters and invoices do.
/// No <c>files</c> column: the benchmark measures cataloguing data, not image handling.
/// </summary>
public sealed class RecordGenerator(Random random, IReadOnlyList<GeneratedAuthority> authorities)
{
    public static readonly string[] Header =
        ["identifier", "parent", "level", "title", "title_en", "date", "type", "genre", "description", "description_en",
         "language", "persons", "institutions", "places", "axes", "subjects", "rights"];

    private static readonly string[] Rights =
    [
        "http://rightsstatements.org/vocab/InC/1.0/", "http://creativecommons.org/publicdomain/mark/1.0/",
        "https://creativecommons.org/licenses/by/4.0/", "http://rightsstatements.org/vocab/NoC-NC/1.0/",
    ];

    private static readonly string[] Languages = ["tr", "tr", "tr", "ota", "ota", "fr", "en", "el", "it", "hy", "lad"];
    private static readonly string[] Roles = ["", "", "|creator", "|addressee", "|subject"];
    private static readonly string[] AxisCodes = ["liman", "ticaret", "yaratıcılık"];

    private readonly GeneratedAuthority[] persons = authorities.Where(a => a.Kind == "person").ToArray();
    private readonly GeneratedAuthority[] institutions = authorities.Where(a => a.Kind == "institution").ToArray();
    private readonly GeneratedAuthority[] places = authorities.Where(a => a.Kind == "place").ToArray();

    public void Write(CsvOut csv, int rows)
    {
        if (rows < 3) throw new ArgumentException("at least 3 rows: a fonds, a series and a file");
        var seriesCount = Math.Clamp(rows / 100, 1, 10);
        var fileCount = Math.Max(1, Math.Min(rows / 100, rows - 1 - seriesCount));
        var itemCount = rows - 1 - seriesCount - fileCount;
        csv.Row(Row("BNC", "", "fonds", "Büyük Bağış Fonu", "1880/1975", "text", "", Paragraph(3)));
        var seriesIds = new string[seriesCount];
        for (var s = 0; s < seriesCount; s++)
        {
            seriesIds[s] = $"BNC-S{s + 1:D2}";
            csv.Row(Row(seriesIds[s], "BNC", "series", $"{Capital(Genres[s % Genres.Length])} serisi", "1880/1975", "", Genres[s % Genres.Length], Paragraph(2)));
        }
        for (var f = 0; f < fileCount; f++)
        {
            var series = f % seriesCount;
            var genre = Genres[series % Genres.Length];
            var fileId = $"{seriesIds[series]}-F{f + 1:D4}";
            var start = random.Next(1880, 1965);
            csv.Row(Row(fileId, seriesIds[series], "file", $"{Pick(institutions).Name} dosyası", $"{start}/{start + random.Next(1, 10)}", "", genre, ""));
            var items = itemCount / fileCount + (f < itemCount % fileCount ? 1 : 0);
            for (var i = 0; i < items; i++) csv.Row(Item($"{fileId}-{i + 1:D5}", fileId, genre));
        }
    }

    private string[] Item(string id, string parent, string genre)
    {
        var person = Pick(persons);
        var place = Pick(places);
        var title = random.Next(4) switch
        {
            0 => $"{person.Name} imzalı {genre}",
            1 => $"{place.Name} hakkında {genre}",
            2 => $"{Pick(institutions).Name} adına {genre}",
            _ => $"{Capital(genre)}: {Sentences[random.Next(Sentences.Length)].TrimEnd('.')}",
        };
        var lengthDraw = random.Next(100);
        var description = lengthDraw switch { < 10 => "", < 70 => Paragraph(random.Next(1, 4)), < 95 => Paragraph(random.Next(4, 11)), _ => Transcription() };
        var row = Row(id, parent, "item", title, Date(), genre is "fotoğraf" or "kartpostal" or "harita" ? "image" : "text", genre, description);
        row[4] = random.Next(5) == 0 ? $"A {genre} about {TurkishText.Fold(place.Name)}" : "";
        row[9] = random.Next(10) == 0 && description.Length > 0 ? "An English summary of the document, written by a volunteer cataloguer." : "";
        row[10] = string.Join(';', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(Languages)).Distinct());
        row[11] = Names([person, .. Draw(persons, random.Next(0, 3))], withRoles: true);
        row[12] = Names(Draw(institutions, random.Next(0, 3)), withRoles: random.Next(2) == 0);
        row[13] = Names([place, .. Draw(places, random.Next(0, 2))], withRoles: false);
        row[14] = string.Join(';', AxisCodes.Where(_ => random.Next(3) == 0));
        row[15] = string.Join(';', Enumerable.Range(0, random.Next(0, 4)).Select(_ => TurkishText.ToLower(Pick(FirmWords)) + " ticareti").Distinct());
        return row;
    }

    private string[] Row(string id, string parent, string level, string title, string date, string type, string genre, string description)
    {
        var row = new string[Header.Length];
        Array.Fill(row, "");
        (row[0], row[1], row[2], row[3], row[5], row[6], row[7], row[8]) = (id, parent, level, title, date, type, genre, description);
        row[16] = Pick(Rights);
        return row;
    }

    /// <summary>Names an authority by one of its forms, now and then typed in ASCII capitals as on old keyboards.</summary>
    private string Names(IEnumerable<GeneratedAuthority> chosen, bool withRoles) =>
        string.Join(';', chosen.DistinctBy(a => a.Name).Select(a =>
        {
            var form = Pick(a.Forms);
            if (random.Next(20) == 0) form = TurkishText.Fold(form).ToUpperInvariant();
            return form + (withRoles ? Pick(Roles) : "");
        }));

    private string Date()
    {
        var year = random.Next(1880, 1976);
        return random.Next(20) switch
        {
            0 => $"{year / 10}X",
            1 => $"{year}~",
            2 => $"{year}?",
            3 => $"{year}/{year + random.Next(1, 6)}",
            4 => $"{year}-{random.Next(21, 25)}",
            < 9 => $"{year}",
            < 14 => $"{year}-{random.Next(1, 13):D2}",
            _ => $"{year}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}",
        };
    }

    private string Paragraph(int sentences) => string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Pick(Sentences)));

    private string Transcription()
    {
        var text = new StringBuilder("Transkripsiyon:\n\"Muhterem efendim,\n");
        for (var line = random.Next(20, 40); line > 0; line--) text.Append(Pick(Sentences)).Append(line % 5 == 0 ? "\n" : " ");
        return text.Append("Hürmetlerimle.\"").ToString();
    }

    private IEnumerable<GeneratedAuthority> Draw(GeneratedAuthority[] pool, int count) => Enumerable.Range(0, count).Select(_ => Pick(pool));
    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    private static string Capital(string word) => TurkishText.ToLower(word) is var w && w.Length > 0 ? char.ToUpper(w[0], System.Globalization.CultureInfo.GetCultureInfo("tr-TR")) + w[1..] : w;
}
