using HafizaIzmir.Archive.Images;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Tests.Iiif;

public class ConfigurationTests
{
    [Fact]
    public async Task Image_limits_and_service_limits_come_from_configuration()
    {
        using var dir = new TempDirectory();
        await using var app = HafizaHost.Build(new ArchiveOptions(dir.Sub("data")), configure: b => b.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Images:MaxPixels"] = "100000",
                ["Images:MaxBytes"] = "2000000",
                ["Iiif:MaxWidth"] = "300",
            }));
        var limits = app.Services.GetRequiredService<ImageLimits>();
        Assert.Equal((100_000L, 2_000_000L, ImageLimits.Default.MaxSide), (limits.MaxPixels, limits.MaxBytes, limits.MaxSide));
        Assert.Equal(300, app.Services.GetRequiredService<IOptions<IiifOptions>>().Value.MaxWidth);

        // The engine refuses a master over the configured pixel limit before decoding it.
        var engine = app.Services.GetRequiredService<IImageEngine>();
        var scan = SyntheticScan.Render(400, 300, 1, "sınır");
        Assert.Throws<ImageTooLargeException>(() => engine.Probe(new MemoryStream(scan)));
    }

    [Fact]
    public void Verbs_without_a_host_read_the_same_section_from_the_environment()
    {
        Environment.SetEnvironmentVariable("Images__MaxSide", "60000");
        try
        {
            Assert.Equal(60000, ImagesOptions.LoadLimits().MaxSide);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Images__MaxSide", null);
        }
        Assert.Equal(ImageLimits.Default.MaxSide, ImagesOptions.LoadLimits().MaxSide);
    }
}
