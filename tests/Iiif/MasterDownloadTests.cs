using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Tests.Site;

namespace HafizaIzmir.Tests.Iiif;

/// <summary>Masters are served as archived only where the configuration and the record's rights allow it.</summary>
public class MasterDownloadTests(IiifFixture site) : IClassFixture<IiifFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_openly_licensed_master_downloads_byte_for_byte_with_its_digest()
    {
        var response = await site.GetAsync("/indir/IIIF-4/1");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(IiifFixture.Scan, bytes);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("IIIF-4-001.jpg", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal($"sha-512=:{Convert.ToBase64String(SHA512.HashData(IiifFixture.Scan))}:", response.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());

        var png = await site.GetAsync("/indir/IIIF-4/2");
        Assert.Equal(IiifFixture.Quadrants, await png.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("IIIF-4-002.png", png.Content.Headers.ContentDisposition!.FileNameStar ?? png.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task Ranges_and_revalidation_work_on_masters()
    {
        using var partial = new HttpRequestMessage(HttpMethod.Get, "/indir/IIIF-4/1");
        partial.Headers.Range = new RangeHeaderValue(100, 199);
        var part = await site.Client.SendAsync(partial, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(IiifFixture.Scan[100..200], await part.Content.ReadAsByteArrayAsync(Ct));

        var etag = (await site.GetAsync("/indir/IIIF-4/1")).Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/indir/IIIF-4/1");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await site.Client.SendAsync(again, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/indir/IIIF-1/1", HttpStatusCode.Forbidden)]   // in copyright
    [InlineData("/indir/IIIF-5/1", HttpStatusCode.Forbidden)]   // non-commercial: only under "Reusable"
    [InlineData("/indir/IIIF-2/1", HttpStatusCode.NotFound)]    // a draft
    [InlineData("/indir/IIIF-4/3", HttpStatusCode.NotFound)]
    [InlineData("/indir/IIIF-4/0", HttpStatusCode.NotFound)]
    [InlineData("/indir/IIIF-3/1", HttpStatusCode.NotFound)]
    [InlineData("/indir/NOPE/1", HttpStatusCode.NotFound)]
    [InlineData("/indir/..%2F..%2Fetc/1", HttpStatusCode.NotFound)]
    public async Task Masters_not_allowed_or_not_public_are_refused(string path, HttpStatusCode status)
    {
        var response = await site.GetAsync(path, status);
        Assert.NotEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        if (status == HttpStatusCode.Forbidden)
            Assert.Contains("/iiif/3/", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_record_page_links_masters_only_where_they_may_be_downloaded()
    {
        var open = await (await site.GetAsync("/kayit/IIIF-4")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("href=\"/indir/IIIF-4/1\" download>Sayfa 1: asıl dosya (JPEG,", open);
        Assert.Contains("href=\"/indir/IIIF-4/2\" download>Sayfa 2: asıl dosya (PNG,", open);
        var english = await (await site.GetAsync("/en/record/IIIF-4")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("download>Page 1: original file (JPEG,", english);

        foreach (var closed in new[] { "/kayit/IIIF-1", "/kayit/IIIF-5" })
            Assert.DoesNotContain("/indir/", await (await site.GetAsync(closed)).Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData(MasterDownloadPolicy.None, "https://creativecommons.org/publicdomain/zero/1.0/", false)]
    [InlineData(MasterDownloadPolicy.Open, "http://creativecommons.org/publicdomain/mark/1.0/", true)]
    [InlineData(MasterDownloadPolicy.Open, "http://creativecommons.org/licenses/by-sa/4.0/", true)]
    [InlineData(MasterDownloadPolicy.Open, "http://creativecommons.org/licenses/by-nd/4.0/", false)]
    [InlineData(MasterDownloadPolicy.Open, "http://rightsstatements.org/vocab/InC/1.0/", false)]
    [InlineData(MasterDownloadPolicy.Reusable, "http://creativecommons.org/licenses/by-nc-nd/4.0/", true)]
    [InlineData(MasterDownloadPolicy.Reusable, "http://rightsstatements.org/vocab/NoC-NC/1.0/", true)]
    [InlineData(MasterDownloadPolicy.Reusable, "http://rightsstatements.org/vocab/InC/1.0/", false)]
    [InlineData(MasterDownloadPolicy.Reusable, "http://rightsstatements.org/vocab/CNE/1.0/", false)]
    [InlineData(MasterDownloadPolicy.Reusable, "not a statement", false)]
    public void The_policy_follows_the_rights_statement(MasterDownloadPolicy policy, string rights, bool allowed) =>
        Assert.Equal(allowed, MasterDownload.Allows(policy, SampleRecords.Make("X", Level.Item, "Deneme") with { Rights = rights }));
}
