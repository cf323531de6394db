using System.Buffers;
using System.Text;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>One CSV row with the physical line it starts on (1-based), so errors can point at it.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>The file cannot be read as CSV at all: bad encoding, an unterminated or stray quote.</summary>
public sealed class CsvFormatException(int line, string message) : FormatException($"line {line}: {message}")
{
    public int Line { get; } = line;
    public string Reason { get; } = message;
}

/// <summary>
/// RFC 4180 reader: comma-separated, fields optionally in double quotes (doubled quotes inside),
/// newlines and commas allowed inside quotes, CRLF or LF (or a lone CR) between rows, UTF-8 with or
/// without a byte-order mark. Blank lines are skipped. Line breaks inside quoted fields become LF so
/// the same text imports the same way from any platform.
/// </summary>
public static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<CsvRow> Read(byte[] bytes) => Parse(Decode(bytes));

    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFormatException(LineOfFirstInvalidByte(span), "the file is not valid UTF-8");
        }
    }

    // The exception's index is relative to internal buffers, so the bad byte is found by walking the runes.
    private static int LineOfFirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done) return line;
            if (bytes[i] == (byte)'\n') line++;
            i += consumed;
        }
        return line;
    }

    public static IReadOnlyList<CsvRow> Parse(string text)
    {
        var rows = new List<CsvRow>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var i = 0;
        var rowHasContent = false;

        void EndRow()
        {
            // A line with nothing on it (not even a quoted empty field) is not a row.
            if (rowHasContent || cells.Count > 0) rows.Add(new CsvRow(rowLine, cells.ToArray()));
            cells.Clear();
            rowHasContent = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                var quoteLine = line;
                rowHasContent = true;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new CsvFormatException(quoteLine, "a quoted field is never closed (missing '\"')");
                    var q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (q == '\r' || q == '\n')
                    {
                        i += q == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                        field.Append('\n');
                        line++;
                        continue;
                    }
                    field.Append(q);
                    i++;
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    throw new CsvFormatException(line, "unexpected text after a closing quote; a quote inside a quoted field must be doubled (\"\")");
                continue;
            }
            switch (c)
            {
                case ',':
                    cells.Add(field.ToString());
                    field.Clear();
                    rowHasContent = true;
                    i++;
                    break;
                case '\r' or '\n':
                    if (rowHasContent || field.Length > 0) cells.Add(field.ToString());
                    field.Clear();
                    EndRow();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    rowLine = line;
                    break;
                case '"':
                    throw new CsvFormatException(line, "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")");
                default:
                    field.Append(c);
                    rowHasContent = true;
                    i++;
                    break;
            }
        }
        if (rowHasContent || field.Length > 0) cells.Add(field.ToString());
        EndRow();
        return rows;
    }
}
