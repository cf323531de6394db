using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Site.Web;

/// <summary>
/// The one answer to "may the public see this record?". Every public surface (pages, API, IIIF, OAI,
/// sitemap, derived browse data) asks here, so a draft cannot leak through a forgotten path.
/// </summary>
public static class PublicationGate
{
    public static bool IsPublic(Record? record) => record is { State: WorkflowState.Published };

    public static bool IsPublic(Story? story) => story is { State: WorkflowState.Published };

    /// <summary>The record if the public may see it; null when it is hidden, unknown or not a valid identifier.</summary>
    public static async Task<Record?> PublicRecordAsync(Archive.Storage.Archive archive, string identifier, CancellationToken ct)
    {
        try
        {
            var record = (await archive.GetRecordAsync(identifier, ct))?.Value;
            return IsPublic(record) ? record : null;
        }
        catch (ArgumentException)
        {
            return null; // not a valid identifier: nothing by that name
        }
    }
}
