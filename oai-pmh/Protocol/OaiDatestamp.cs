using System.Globalization;

namespace HafizaIzmir.Oai.Protocol;

/// <summary>UTC datestamps in the repository's granularity, <c>YYYY-MM-DDThh:mm:ssZ</c>, and in day granularity.</summary>
public static class OaiDatestamp
{
    public const string Granularity = "YYYY-MM-DDThh:mm:ssZ";
    private const string SecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string DayFormat = "yyyy-MM-dd";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(SecondsFormat, CultureInfo.InvariantCulture);

    /// <summary>Cuts a moment down to whole seconds in UTC, the unit datestamps are compared in.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>
    /// Parses a <c>from</c>/<c>until</c> argument. A day stands for its first second as a lower bound and
    /// its last second as an upper bound, so both bounds stay inclusive.
    /// </summary>
    public static bool TryParse(string text, bool upperBound, out DateTimeOffset value, out bool dayGranularity)
    {
        dayGranularity = false;
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (text.Length == 20 && DateTime.TryParseExact(text, SecondsFormat, CultureInfo.InvariantCulture, styles, out var seconds))
        {
            value = new DateTimeOffset(seconds, TimeSpan.Zero);
            return true;
        }
        if (text.Length == 10 && DateTime.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, styles, out var day))
        {
            dayGranularity = true;
            value = new DateTimeOffset(day, TimeSpan.Zero);
            if (upperBound) value = value.AddDays(1).AddSeconds(-1);
            return true;
        }
        value = default;
        return false;
    }
}
