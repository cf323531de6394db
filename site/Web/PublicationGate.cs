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
}
