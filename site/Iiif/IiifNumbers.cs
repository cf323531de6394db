using System.Globalization;

namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// The number forms the Image API allows in a URL: plain decimal digits, with a fraction only where the
/// parameter takes one. No signs, exponents, spaces, "NaN" or "Infinity", so "1e309" or "-0" never reach
/// arithmetic, and integers are bounded so that nothing later can overflow.
/// </summary>
internal static class IiifNumbers
{
    /// <summary>Largest pixel value accepted in a request; far above any image and still safe to multiply.</summary>
    public const int MaxPixels = 1_000_000_000;

    public static bool TryInteger(string text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 10 || !text.All(char.IsAsciiDigit)) return false;
        var parsed = long.Parse(text, CultureInfo.InvariantCulture);
        if (parsed > MaxPixels) return false;
        value = (int)parsed;
        return true;
    }

    public static bool TryDecimal(string text, out double value)
    {
        value = 0;
        if (text.Length is 0 or > 32) return false;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        if (whole.Length + fraction.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)) return false;
        if (dot >= 0 && fraction.Length == 0) return false;
        value = double.Parse(text.StartsWith('.') ? "0" + text : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return double.IsFinite(value);
    }

    /// <summary>Shortest form without trailing zeros ("90", "22.5"), as canonical URLs write numbers.</summary>
    public static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
