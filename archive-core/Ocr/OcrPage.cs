using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace HafizaIzmir.Archive.Ocr;

/// <summary>A recognised word and its box in the coordinates of the image that was recognised.</summary>
public sealed record OcrWord(string Text, int X, int Y, int Width, int Height, int Line);

/// <summary>
/// One page as Tesseract read it: the size of the image it read (so boxes can be scaled to any canvas) and
/// its words in reading order with their line numbers. Parsed from hOCR, the stored form.
/// </summary>
public sealed partial record OcrPage(int Width, int Height, IReadOnlyList<OcrWord> Words)
{
    /// <summary>The page as plain text: words joined by spaces, one line per recognised line.</summary>
    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            var line = Words.Count > 0 ? Words[0].Line : 0;
            foreach (var word in Words)
            {
                if (sb.Length > 0) sb.Append(word.Line != line ? '\n' : ' ');
                line = word.Line;
                sb.Append(word.Text);
            }
            return sb.ToString();
        }
    }

    /// <summary>Reads Tesseract's hOCR (XHTML); throws <see cref="InvalidDataException"/> when it is not hOCR.</summary>
    public static OcrPage FromHocr(string hocr)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(hocr), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException("the stored OCR result is not well-formed hOCR: " + e.Message, e);
        }
        var elements = doc.Descendants().ToList();
        var page = elements.FirstOrDefault(e => HasClass(e, "ocr_page")) ?? throw new InvalidDataException("the hOCR has no ocr_page");
        var (_, _, pageWidth, pageHeight) = Box(page) ?? throw new InvalidDataException("the hOCR page has no bbox");
        var words = new List<OcrWord>();
        var lineNumber = 0;
        foreach (var line in elements.Where(e => HasClass(e, "ocr_line") || HasClass(e, "ocr_caption") || HasClass(e, "ocr_header") || HasClass(e, "ocr_textfloat")))
        {
            foreach (var word in line.Descendants().Where(e => HasClass(e, "ocrx_word")))
            {
                var text = word.Value.Trim();
                if (text.Length == 0 || Box(word) is not var (x0, y0, x1, y1)) continue;
                words.Add(new OcrWord(text, x0, y0, x1 - x0, y1 - y0, lineNumber));
            }
            lineNumber++;
        }
        return new OcrPage(pageWidth, pageHeight, words);
    }

    private static bool HasClass(XElement e, string name) =>
        ((string?)e.Attribute("class"))?.Split(' ').Contains(name) == true;

    private static (int X0, int Y0, int X1, int Y1)? Box(XElement e)
    {
        var match = BoxPattern().Match((string?)e.Attribute("title") ?? "");
        if (!match.Success) return null;
        int N(int i) => int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture);
        return (N(1), N(2), N(3), N(4));
    }

    [GeneratedRegex(@"\bbbox (\d+) (\d+) (\d+) (\d+)")]
    private static partial Regex BoxPattern();
}
