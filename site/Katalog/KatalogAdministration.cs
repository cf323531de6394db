using System.Text;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

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
        body.Append($"<nav aria-label=\"{T("Dashboard_Sections")}\"><ul><li><a href=\"{AuthorityEditor.Root}\">{T("Authority_List")}</a></li>");
        if (RecordWorkflow.IsCataloguer(role))
            body.Append($"<li><a href=\"{AccessionEditor.Root}\">{T("Accession_List")}</a></li><li><a href=\"{ImportPage.Root}\">{T("Import_Title")}</a></li>");
        if (role == Accounts.Role.Admin) body.Append($"<li><a href=\"{UserAdmin.Root}\">{T("Users_Title")}</a></li>");
        body.Append("</ul></nav>");

        var donors = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var accession in archive.ListAccessionsAsync(ct)) donors.UnionWith(accession.Value.Donors);
        var institutions = 0;
        foreach (var id in donors)
            if ((await archive.GetAuthorityAsync(id, ct))?.Value is Institution) institutions++;
        body.Append($"<p>{T("Accession_Donors")}: <strong id=\"donor-count\">{donors.Count:N0}</strong> · {T("Dashboard_Partners")}: <strong id=\"partner-count\">{institutions:N0}</strong></p>");
    }
}
