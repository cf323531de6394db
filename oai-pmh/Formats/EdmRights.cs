using System.Text.RegularExpressions;

namespace HafizaIzmir.Oai.Formats;

/// <summary>How far a rights statement lets others reuse an object; the content tiers depend on it.</summary>
public enum ReuseLevel { None, Restricted, Open }

/// <summary>
/// Europeana's fourteen accepted rights statements (CC0, PDM, the six Creative Commons licences, and the
/// rightsstatements.org NoC-NC, NoC-OKLR, InC, InC-EDU, InC-OW-EU, CNE), recognised in the spellings
/// cataloguers paste (https, deed pages, legal code, missing slash) and written exactly as Europeana
/// requires: <c>http://</c>, ending in <c>/</c>. Creative Commons versions and ports are kept as they
/// are, because the version is part of the licence the rights holder granted.
/// </summary>
public static partial class EdmRights
{
    /// <summary>Written when a record's statement is missing or not one of the accepted ones: we have not evaluated it for Europeana.</summary>
    public const string CopyrightNotEvaluated = "http://rightsstatements.org/vocab/CNE/1.0/";

    /// <summary>The accepted statement for <paramref name="value"/>, or null when it is not one of them.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        var cc = CreativeCommons().Match(v);
        if (cc.Success)
        {
            var kind = cc.Groups["kind"].Value.ToLowerInvariant();
            var path = cc.Groups["version"].Value + "/" + (cc.Groups["port"].Success ? cc.Groups["port"].Value.ToLowerInvariant() + "/" : "");
            var uri = kind is "zero" or "mark"
                ? $"http://creativecommons.org/publicdomain/{kind}/{path}"
                : $"http://creativecommons.org/licenses/{kind}/{path}";
            return Accepted(uri) ? uri : null;
        }
        var rs = RightsStatements().Match(v);
        if (rs.Success)
        {
            var code = StatementCodes.FirstOrDefault(c => string.Equals(c, rs.Groups["code"].Value, StringComparison.OrdinalIgnoreCase));
            return code is null ? null : $"http://rightsstatements.org/vocab/{code}/1.0/";
        }
        return null;
    }

    /// <summary>The statement to write in EDM: the normalised one, or CNE when there is none.</summary>
    public static string ForEdm(string? value) => Normalize(value) ?? CopyrightNotEvaluated;

    public static ReuseLevel Reuse(string? value)
    {
        var uri = Normalize(value);
        if (uri is null) return ReuseLevel.None;
        if (uri.Contains("/publicdomain/", StringComparison.Ordinal) || uri.Contains("/licenses/by/", StringComparison.Ordinal)
            || uri.Contains("/licenses/by-sa/", StringComparison.Ordinal)) return ReuseLevel.Open;
        if (uri.Contains("/licenses/", StringComparison.Ordinal)) return ReuseLevel.Restricted; // NC and ND licences
        return uri.Contains("/NoC-NC/", StringComparison.Ordinal) || uri.Contains("/NoC-OKLR/", StringComparison.Ordinal)
            || uri.Contains("/InC-EDU/", StringComparison.Ordinal) ? ReuseLevel.Restricted : ReuseLevel.None;
    }

    private static readonly string[] StatementCodes = ["NoC-NC", "NoC-OKLR", "InC", "InC-EDU", "InC-OW-EU", "CNE"];

    /// <summary>The patterns of Europeana's Schematron (<c>lib:isValidRS</c>), so what we write is what it accepts.</summary>
    private static bool Accepted(string uri) => AcceptedPatterns.Any(p => p.IsMatch(uri));

    private static readonly Regex[] AcceptedPatterns =
    [
        new(@"^http://creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd|by-nd-nc)/1\.0/((fi|il|nl)/)?$"),
        new(@"^http://creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/2\.0/((au|at|be|br|ca|cl|hr|uk|fr|de|it|jp|nl|pl|kr|es|tw)/)?$"),
        new(@"^http://creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/2\.1/((au|es|jp)/)$"),
        new(@"^http://creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/2\.5/((ar|au|br|bg|ca|cn|co|hr|dk|hu|in|il|it|mk|my|mt|mx|nl|pe|pl|pt|scotland|si|za|es|se|ch|tw)/)?$"),
        new(@"^http://creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/3\.0/((au|at|br|cl|cn|cr|hr|cz|ec|eg|ee|fr|de|gr|gt|hk|igo|ie|it|lu|nl|nz|no|ph|pl|pt|pr|ro|rs|sg|za|es|ch|tw|th|ug|us|ve|vn)/)?$"),
        new(@"^http://creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/4\.0/$"),
        new(@"^http://creativecommons\.org/publicdomain/(zero|mark)/1\.0/$"),
    ];

    [GeneratedRegex(@"^https?://(www\.)?creativecommons\.org/(licenses|publicdomain)/(?<kind>[a-zA-Z-]+)/(?<version>\d\.\d)(/(?<port>(?!deed|legalcode)[a-zA-Z]{2,8}))?(/(deed(\.[a-zA-Z-]+)?|legalcode(\.[a-zA-Z-]+)?)?)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex CreativeCommons();

    [GeneratedRegex(@"^https?://(www\.)?rightsstatements\.org/(vocab|page)/(?<code>[a-zA-Z-]+)/1\.0/?(\?.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RightsStatements();
}
