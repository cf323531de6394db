namespace HafizaIzmir.Archive.Storage;

/// <summary>The rules every blob key follows, whatever the backend, so that a store can be moved between them.</summary>
public static class BlobKeys
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a relative '/'-separated path
    /// without empty, "." or ".." segments and without backslashes or control characters.
    /// </summary>
    public static void Validate(string key, string parameter = "key")
    {
        if (string.IsNullOrEmpty(key))
            throw new ArgumentException("a blob key must not be empty", parameter);
        if (key.Contains('\\'))
            throw new ArgumentException($"blob key '{key}' contains a backslash; use '/' between segments", parameter);
        if (key.StartsWith('/') || Path.IsPathRooted(key))
            throw new ArgumentException($"blob key '{key}' is absolute; keys are relative to the store", parameter);
        if (key.Any(char.IsControl))
            throw new ArgumentException($"blob key '{key}' contains a control character", parameter);
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
                throw new ArgumentException($"blob key '{key}' has an empty segment", parameter);
            if (segment is "." or "..")
                throw new ArgumentException($"blob key '{key}' has a '{segment}' segment", parameter);
        }
    }

    /// <summary>A list prefix may be empty or end in '/'; otherwise it follows the key rules.</summary>
    public static void ValidatePrefix(string prefix)
    {
        if (prefix.Length == 0) return;
        Validate(prefix.EndsWith('/') ? prefix[..^1] : prefix, "prefix");
    }
}
