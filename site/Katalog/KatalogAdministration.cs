using System.Text;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// The catalogue's pages beyond records: authorities (and merging them), accessions and donors, accounts,
/// and CSV import in the browser.
/// </summary>
public static class KatalogAdministration
{
    public static WebApplication MapKatalogAdministration(this WebApplication app)
    {
        app.UseMiddleware<MergedAuthorityRedirects>();
        app.MapAuthorityEditor();
        app.MapAccessionEditor();
        app.MapUserAdmin();
        app.MapImportPage();
        return app;
    }

    /// <summary>
    /// The dashboard's ways into these pages for the signed-in role, and the programme's donor counts: every
    /// person or institution that gave, lent or sold material, and the institutions among them (the partners).
    /// </summary>
    public static async Task AppendToDashboardAsync(StringBuilder body, HttpContext context, Archive.Storage.Archive archive, CancellationToken ct)
    {
        var (_, role) = KatalogServices.Who(context.User);
        body.Append($"<nav aria-label=\"Katalog bölümleri\"><ul><li><a href=\"{AuthorityEditor.Root}\">Otoriteler</a></li>");
        if (RecordWorkflow.IsCataloguer(role))
            body.Append($"<li><a href=\"{AccessionEditor.Root}\">Bağışlar ve edinimler</a></li><li><a href=\"{ImportPage.Root}\">CSV içe aktarma</a></li>");
        if (role == Accounts.Role.Admin) body.Append($"<li><a href=\"{UserAdmin.Root}\">Kullanıcılar</a></li>");
        body.Append("</ul></nav>");

        var donors = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var accession in archive.ListAccessionsAsync(ct)) donors.UnionWith(accession.Value.Donors);
        var institutions = 0;
        foreach (var id in donors)
            if ((await archive.GetAuthorityAsync(id, ct))?.Value is Institution) institutions++;
        body.Append($"<p>Bağışçılar: <strong id=\"donor-count\">{donors.Count:N0}</strong> · Ortak kurumlar: <strong id=\"partner-count\">{institutions:N0}</strong></p>");
    }
}
