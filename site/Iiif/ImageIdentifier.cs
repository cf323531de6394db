namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// An image id, <c>{record identifier}~{page}</c>, page counting the record's files from 1. Anything else
/// (no tilde, page 0, a path, an invalid record identifier) identifies no image.
/// </summary>
public readonly record struct ImageIdentifier(string Record, int Page)
{
    public static bool TryParse(string? text, out ImageIdentifier id)
    {
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > 120) return false;
        var tilde = text.LastIndexOf('~');
        if (tilde <= 0) return false;
        var record = text[..tilde];
        var pageText = text[(tilde + 1)..];
        if (pageText.Length is 0 or > 5 || pageText[0] == '0' || !pageText.All(char.IsAsciiDigit)) return false;
        try
        {
            HafizaIzmir.Archive.Storage.Archive.Checked(record);
        }
        catch (ArgumentException)
        {
            return false;
        }
        id = new ImageIdentifier(record, int.Parse(pageText, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    public override string ToString() => $"{Record}~{Page}";
}
