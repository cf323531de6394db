using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace HafizaIzmir.Tests.Oai;

/// <summary>
/// The shared validation material: found through HAFIZA_SHARED or as <c>../shared</c> beside the repository.
/// OAI-PMH responses are validated with the driver schemas there (one for oai_dc, one for EDM, because
/// both define the Dublin Core namespace differently).
/// </summary>
internal static class OaiSchemas
{
    private static readonly Lazy<string?> SharedDirectory = new(FindShared);
    private static readonly Lazy<XmlSchemaSet> DcSet = new(() => Load("wrappers/oai-pmh+oai_dc.xsd"));
    private static readonly Lazy<XmlSchemaSet> EdmSet = new(() => Load("wrappers/oai-pmh+edm.xsd"));

    public static string? Shared => SharedDirectory.Value;

    public static string SchemasOrSkip()
    {
        var shared = Shared;
        if (shared is null || !Directory.Exists(Path.Combine(shared, "schemas")))
            Assert.Skip("shared validation material not found: set HAFIZA_SHARED or place it at ../shared beside the repository");
        return Path.Combine(shared!, "schemas");
    }

    /// <summary>Validates a whole OAI-PMH response; EDM payloads need the EDM driver, everything else the oai_dc one.</summary>
    public static IReadOnlyList<string> Validate(XDocument document, bool edm = false)
    {
        SchemasOrSkip();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = edm ? EdmSet.Value : DcSet.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(document.ToString(SaveOptions.DisableFormatting)), settings);
        while (reader.Read()) { }
        return errors;
    }

    public static void AssertValid(XDocument document, bool edm = false)
    {
        var errors = Validate(document, edm);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)) + "\n" + Excerpt(document));
    }

    private static string Excerpt(XDocument d)
    {
        var text = d.ToString();
        return text.Length > 3000 ? text[..3000] : text;
    }

    private static XmlSchemaSet Load(string relative)
    {
        var path = Path.Combine(SchemasOrSkip(), relative);
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() }))
            set.Add(null, reader);
        set.Compile();
        return set;
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("HAFIZA_SHARED");
        if (!string.IsNullOrWhiteSpace(env)) return Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "HafizaIzmir.sln"))) continue;
            var shared = Path.Combine(dir.FullName, "..", "shared");
            return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
        }
        return null;
    }

    /// <summary>
    /// Runs Europeana's compiled Schematron over one EDM document with Saxon-HE and returns the text of every
    /// failed assertion. Skips when java or Saxon-HE is not installed.
    /// </summary>
    public static IReadOnlyList<string> Schematron(XElement rdf)
    {
        var xsl = Path.Combine(SchemasOrSkip(), "edm", "schematron", "schematron.xsl");
        var saxon = new[] { Environment.GetEnvironmentVariable("SAXON_JAR"), "/usr/share/java/Saxon-HE.jar" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        if (saxon is null) Assert.Skip("Saxon-HE not found (Debian package libsaxonhe-java, or set SAXON_JAR)");
        var input = Path.Combine(Path.GetTempPath(), $"edm-{Guid.NewGuid():N}.xml");
        new XDocument(rdf).Save(input);
        try
        {
            var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-cp", saxon!, "net.sf.saxon.Transform", $"-s:{input}", $"-xsl:{xsl}" }) start.ArgumentList.Add(a);
            Process process;
            try { process = Process.Start(start)!; }
            catch (System.ComponentModel.Win32Exception) { Assert.Skip("java is not installed"); throw; }
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"Saxon failed: {error}");
            XNamespace svrl = "http://purl.oclc.org/dsdl/svrl";
            return XDocument.Parse(output.Result).Descendants(svrl + "failed-assert")
                .Select(f => $"{f.Attribute("location")?.Value}: {string.Join(" ", f.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}")
                .ToList();
        }
        finally
        {
            File.Delete(input);
        }
    }
}
