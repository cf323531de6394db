namespace HafizaIzmir.Tests.Images;

public class LibvipsNoticeTests
{
    [Fact]
    public void Third_party_notices_of_the_bundled_libvips_ship_with_the_binaries()
    {
        var notice = Path.Combine(AppContext.BaseDirectory, "THIRD-PARTY-NOTICES-libvips.txt");

        Assert.True(File.Exists(notice), $"{notice} is missing from the build output");
        var text = File.ReadAllText(notice);
        Assert.Contains("libvips", text);
        Assert.Contains("LGPL", text);
    }
}
