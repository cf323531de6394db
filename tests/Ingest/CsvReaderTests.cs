using System.Text;
using HafizaIzmir.Archive.Ingest;

namespace HafizaIzmir.Tests.Ingest;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_multi_line_field_with_commas_and_doubled_quotes_is_one_cell()
    {
        var text = "identifier,description,level\r\nSRR-1,\"Mektup, İzmir'den.\r\n\"\"Sevgili kardeşim,\"\" diye başlar.\nSon satır\",item\r\nSRR-2,kısa,item\r\n";
        var rows = CsvReader.Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["SRR-1", "Mektup, İzmir'den.\n\"Sevgili kardeşim,\" diye başlar.\nSon satır", "item"], rows[1].Cells);
        Assert.Equal(2, rows[1].Line);
        Assert.Equal(5, rows[2].Line); // the quoted field spans lines 2–4
    }

    [Fact]
    public void Bom_and_no_bom_read_the_same()
    {
        var body = Encoding.UTF8.GetBytes("name,kind\nŞerif Remzi,person\n");
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray();
        var a = CsvReader.Read(body);
        var b = CsvReader.Read(withBom);
        Assert.Equal("name", b[0].Cells[0]);
        Assert.Equal(a.Select(r => string.Join("|", r.Cells)), b.Select(r => string.Join("|", r.Cells)));
    }

    [Fact]
    public void Invalid_utf8_names_the_line_of_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("name,kind\nKordon,place\n").Concat(new byte[] { 0x4B, 0xFD, 0x7A, (byte)',', 0x70, 0x0A }).ToArray();
        var e = Assert.Throws<CsvFormatException>(() => CsvReader.Read(bytes));
        Assert.Equal(3, e.Line);
        Assert.Equal("line 3: the file is not valid UTF-8", e.Message);
    }

    [Fact]
    public void Latin5_file_is_reported_as_not_utf8_on_its_line()
    {
        var latin5 = Encoding.Latin1.GetBytes("kind,name\nperson,Ahmet\n").Concat(new byte[] { (byte)'p', (byte)',', 0xDE, (byte)'e' }).ToArray();
        Assert.Equal(3, Assert.Throws<CsvFormatException>(() => CsvReader.Read(latin5)).Line);
    }

    [Fact]
    public void Unterminated_quote_reports_the_line_it_opened_on()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvReader.Parse("a,b\n1,2\n3,\"open\nstill open\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("never closed", e.Reason);
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", 2)]
    [InlineData("a,b\n1,\"x\"y\n", 2)]
    public void Stray_quotes_are_errors(string text, int line) =>
        Assert.Equal(line, Assert.Throws<CsvFormatException>(() => CsvReader.Parse(text)).Line);

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var rows = CsvReader.Parse("a,b\n\n1,2\n\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public void Empty_cells_and_trailing_comma_are_kept()
    {
        var rows = CsvReader.Parse("a,b,c\n,\"\",\n");
        Assert.Equal(["", "", ""], rows[1].Cells);
    }
}
