namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// The rotation segment: an optional <c>!</c> (mirror first) and a clockwise angle from 0 to 360. Quarter
/// turns are exact; any other angle turns the image within its bounding box (the extra feature
/// <c>rotationArbitrary</c>), transparent around it where the format can say so.
/// </summary>
public sealed record RotationParameter(double Degrees, bool Mirror)
{
    public static RotationParameter None { get; } = new(0, false);

    public static RotationParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mirror = text.StartsWith('!');
        var angle = mirror ? text[1..] : text;
        if (!IiifNumbers.TryDecimal(angle, out var degrees) || degrees > 360)
            throw IiifRequestException.BadRequest($"rotation '{text}' is not an angle from 0 to 360, optionally preceded by !");
        // Ten decimals is far below a pixel at any size this server renders; it keeps canonical URLs short.
        degrees = Math.Round(degrees % 360, 10);
        return new RotationParameter(degrees == 360 ? 0 : degrees, mirror);
    }

    public string Canonical => (Mirror ? "!" : "") + IiifNumbers.Format(Degrees);
}
