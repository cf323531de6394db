namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// The rotation segment: an optional <c>!</c> (mirror first) and a clockwise angle from 0 to 360. Quarter
/// turns are rendered; any other valid angle is a feature this server does not offer (501).
/// </summary>
public sealed record RotationParameter(int Degrees, bool Mirror)
{
    public static RotationParameter None { get; } = new(0, false);

    public static RotationParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mirror = text.StartsWith('!');
        var angle = mirror ? text[1..] : text;
        if (!IiifNumbers.TryDecimal(angle, out var degrees) || degrees > 360)
            throw IiifRequestException.BadRequest($"rotation '{text}' is not an angle from 0 to 360, optionally preceded by !");
        if (degrees % 90 != 0)
            throw IiifRequestException.NotImplemented($"rotation '{text}': only multiples of 90 degrees are supported");
        return new RotationParameter((int)degrees % 360, mirror);
    }

    public string Canonical => (Mirror ? "!" : "") + Degrees;

    /// <summary>Quarter turns swap the output's width and height.</summary>
    public bool Sideways => Degrees is 90 or 270;
}
