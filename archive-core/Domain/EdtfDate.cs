using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HafizaIzmir.Archive.Domain;

/// <summary>
/// An EDTF level-1 date or interval (<c>1923</c>, <c>1923-05-12</c>, <c>192X</c>, <c>1923~</c>,
/// <c>1920/1925</c>, <c>../1930</c>, <c>1923-21</c> for spring). The original string is kept as written;
/// <see cref="Earliest"/> and <see cref="Latest"/> are the first and last day it can mean
/// (null where an interval is open or unknown at that end).
/// </summary>
[JsonConverter(typeof(EdtfDateJsonConverter))]
public sealed class EdtfDate : IEquatable<EdtfDate>
{
    private EdtfDate(string text, EdtfPart? start, EdtfPart? end, bool isInterval)
    {
        Text = text;
        Start = start;
        End = end;
        IsInterval = isInterval;
    }

    public string Text { get; }
    public bool IsInterval { get; }
    /// <summary>The single date, or the interval's start (null when open or unknown).</summary>
    public EdtfPart? Start { get; }
    /// <summary>The interval's end (null when open or unknown); for a single date, the same as <see cref="Start"/>.</summary>
    public EdtfPart? End { get; }

    public DateOnly? Earliest => Start?.Earliest;
    public DateOnly? Latest => End?.Latest;

    public bool IsUncertain => (Start?.Uncertain ?? false) || (End?.Uncertain ?? false);
    public bool IsApproximate => (Start?.Approximate ?? false) || (End?.Approximate ?? false);

    public static EdtfDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out EdtfDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty EDTF date";
            return false;
        }
        var s = text.Trim();
        var slash = s.IndexOf('/');
        if (slash < 0)
        {
            if (!EdtfPart.TryParse(s, out var single, out error)) return false;
            date = new EdtfDate(s, single, single, false);
            return true;
        }
        if (s.IndexOf('/', slash + 1) >= 0)
        {
            error = $"'{s}' is not EDTF: an interval has exactly one '/'";
            return false;
        }
        var left = s[..slash];
        var right = s[(slash + 1)..];
        if (!TryParseEnd(left, out var start, out error) || !TryParseEnd(right, out var end, out error)) return false;
        if (start is null && end is null && (left == ".." || left == "") && (right == ".." || right == ""))
        {
            error = $"'{s}' is not EDTF: an interval needs at least one known end";
            return false;
        }
        if (start is not null && end is not null && start.Earliest > end.Latest)
        {
            error = $"'{s}' is not a valid EDTF interval: it ends before it starts";
            return false;
        }
        date = new EdtfDate(s, start, end, true);
        error = null;
        return true;
    }

    private static bool TryParseEnd(string part, out EdtfPart? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (part is ".." or "") return true; // open or unknown end
        if (!EdtfPart.TryParse(part, out var parsed, out error)) return false;
        value = parsed;
        return true;
    }

    /// <summary>A human reading: <c>1920'ler</c>, <c>yaklaşık 1923</c>, <c>12 Mayıs 1923</c> / <c>the 1920s</c>, <c>circa 1923</c>.</summary>
    public string Describe(string language = "tr") => EdtfReading.Describe(this, language);

    public override string ToString() => Text;
    public bool Equals(EdtfDate? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => obj is EdtfDate other && Equals(other);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Precision of one EDTF date: what the written digits pin down.</summary>
public enum EdtfPrecision { Century, Decade, Year, Season, Month, Day }

/// <summary>One calendar date of EDTF level 1, with its precision and qualifiers.</summary>
public sealed record EdtfPart(DateOnly Earliest, DateOnly Latest, EdtfPrecision Precision, int Year, int? Month, int? Day, bool Uncertain, bool Approximate)
{
    public static bool TryParse(string text, [NotNullWhen(true)] out EdtfPart? part, [NotNullWhen(false)] out string? error)
    {
        part = null;
        var s = text;
        bool uncertain = false, approximate = false;
        if (s.EndsWith('%')) { uncertain = approximate = true; s = s[..^1]; }
        else if (s.EndsWith('?')) { uncertain = true; s = s[..^1]; }
        else if (s.EndsWith('~')) { approximate = true; s = s[..^1]; }

        var pieces = s.Split('-');
        if (s.StartsWith('-') || s.StartsWith('Y'))
        {
            error = $"'{text}' is outside the years this archive supports (0001–9999)";
            return false;
        }
        if (pieces.Length is < 1 or > 3 || pieces.Any(p => p.Length == 0))
        {
            error = $"'{text}' is not EDTF: expected YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        var yearText = pieces[0];
        if (yearText.Length != 4 || !yearText.All(c => char.IsAsciiDigit(c) || c == 'X'))
        {
            error = $"'{text}' is not EDTF: the year must have four digits (X for an unspecified digit)";
            return false;
        }
        var unspecifiedYearDigits = yearText.Reverse().TakeWhile(c => c == 'X').Count();
        if (yearText.Take(4 - unspecifiedYearDigits).Any(c => c == 'X') || unspecifiedYearDigits > 2)
        {
            error = $"'{text}' is not EDTF level 1: only the last one or two digits of a year may be X";
            return false;
        }
        var minYear = int.Parse(yearText.Replace('X', '0'));
        var maxYear = int.Parse(yearText.Replace('X', '9'));
        if (minYear < 1)
        {
            error = $"'{text}' is outside the years this archive supports (0001–9999)";
            return false;
        }
        var precision = unspecifiedYearDigits switch { 2 => EdtfPrecision.Century, 1 => EdtfPrecision.Decade, _ => EdtfPrecision.Year };
        var earliest = new DateOnly(minYear, 1, 1);
        var latest = new DateOnly(maxYear, 12, 31);
        int? month = null, day = null;

        if (pieces.Length >= 2)
        {
            if (unspecifiedYearDigits > 0 && pieces[1] != "XX")
            {
                error = $"'{text}' is not EDTF: a month cannot follow an unspecified year";
                return false;
            }
            if (pieces[1] == "XX")
            {
                if (pieces.Length == 3 && pieces[2] != "XX")
                {
                    error = $"'{text}' is not EDTF: a day cannot follow an unspecified month";
                    return false;
                }
            }
            else
            {
                if (pieces[1].Length != 2 || !int.TryParse(pieces[1], out var m))
                {
                    error = $"'{text}' is not EDTF: the month must have two digits";
                    return false;
                }
                if (m is >= 21 and <= 24 && pieces.Length == 2)
                {
                    // Seasons (level 1): 21 spring, 22 summer, 23 autumn, 24 winter (northern hemisphere).
                    (earliest, latest) = m switch
                    {
                        21 => (new DateOnly(minYear, 3, 1), new DateOnly(minYear, 5, 31)),
                        22 => (new DateOnly(minYear, 6, 1), new DateOnly(minYear, 8, 31)),
                        23 => (new DateOnly(minYear, 9, 1), new DateOnly(minYear, 11, 30)),
                        _ => (new DateOnly(minYear, 12, 1), minYear < 9999 ? new DateOnly(minYear + 1, 2, DateTime.DaysInMonth(minYear + 1, 2)) : new DateOnly(9999, 12, 31)),
                    };
                    month = m;
                    precision = EdtfPrecision.Season;
                }
                else if (m is < 1 or > 12)
                {
                    error = $"'{text}' is not a valid date: month {pieces[1]} does not exist";
                    return false;
                }
                else
                {
                    month = m;
                    precision = EdtfPrecision.Month;
                    earliest = new DateOnly(minYear, m, 1);
                    latest = new DateOnly(minYear, m, DateTime.DaysInMonth(minYear, m));
                    if (pieces.Length == 3 && pieces[2] != "XX")
                    {
                        if (pieces[2].Length != 2 || !int.TryParse(pieces[2], out var d))
                        {
                            error = $"'{text}' is not EDTF: the day must have two digits";
                            return false;
                        }
                        if (d < 1 || d > DateTime.DaysInMonth(minYear, m))
                        {
                            error = $"'{text}' is not a valid date: {minYear}-{m:00} has no day {d}";
                            return false;
                        }
                        day = d;
                        precision = EdtfPrecision.Day;
                        earliest = latest = new DateOnly(minYear, m, d);
                    }
                }
            }
        }
        part = new EdtfPart(earliest, latest, precision, minYear, month, day, uncertain, approximate);
        error = null;
        return true;
    }
}

internal sealed class EdtfDateJsonConverter : JsonConverter<EdtfDate>
{
    public override EdtfDate? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is null ? null : EdtfDate.Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, EdtfDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
}
