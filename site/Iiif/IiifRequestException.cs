namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// A request the Image API answers with an error status: 400 for bad syntax or impossible values,
/// 404 for an unknown (or unpublished) image, 501 for a valid feature this server does not offer.
/// </summary>
public sealed class IiifRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static IiifRequestException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static IiifRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static IiifRequestException NotImplemented(string message) => new(StatusCodes.Status501NotImplemented, message);
}
