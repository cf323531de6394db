using System.Text;
using Lucene.Net.Search.Highlight;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Escapes exactly the characters HTML needs escaped. (WebUtility.HtmlEncode also turns â, ç, ö, ü
/// into numeric entities, which would make every Turkish snippet unreadable as plain JSON.)
/// </summary>
public sealed class HtmlText : IEncoder
{
    public string EncodeText(string originalText) => Escape(originalText);

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }
}
