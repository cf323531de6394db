using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Tiers;

namespace HafizaIzmir.Site.Web;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>GET /api/records/{identifier}/tiers</c>: a published record's Europeana content and metadata tiers,
/// each criterion's finding with why and what would raise it (what the cataloguing view will show).
/// </summary>
public static class RecordTiersApi
{
    public static void MapRecordTiers(this IEndpointRouteBuilder app) => app.MapGet("/api/records/{identifier}/tiers", async (string identifier, Archive archive, CancellationToken ct) =>
    {
        var record = (await archive.GetRecordAsync(identifier, ct))?.Value;
        if (!PublicationGate.IsPublic(record))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Kayıt bulunamadı", detail: $"No published record '{identifier}'.");
        var report = EuropeanaTiers.Classify(record!, await AuthoritiesAsync(archive, record!, ct));
        return Results.Json(Describe(report), RecordApi.Json);
    });

    public static async Task<List<Authority>> AuthoritiesAsync(Archive archive, Record record, CancellationToken ct)
    {
        var list = new List<Authority>();
        foreach (var id in record.Authorities.Select(l => l.AuthorityId).Distinct(StringComparer.Ordinal))
            if (await archive.GetAuthorityAsync(id, ct) is { } authority) list.Add(authority.Value);
        return list;
    }

    private static object Describe(TierReport report) => new
    {
        identifier = report.Identifier,
        label = report.Label,
        content = report.Content,
        metadata = Metadata(report.Metadata),
        meetsEuropeanaMinimum = report.MeetsEuropeanaMinimum,
        findings = report.Findings.Select(f => new
        {
            scale = f.Scale == TierScale.Content ? "content" : "metadata",
            criterion = f.Criterion,
            tier = f.Label,
            why = f.Why,
            toRaise = f.ToRaise,
            limiting = report.Limiting.Contains(f),
        }),
    };

    private static string Metadata(MetadataTier tier) => tier == MetadataTier.BelowA ? "below A" : tier.ToString();
}
