namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// A string that cannot be a reference code or id. An <see cref="ArgumentException"/>, so callers that validate
/// input keep catching it; a web host answers 404, since no object can have such a name.
/// </summary>
public sealed class InvalidIdentifierException(string message) : ArgumentException(message);
