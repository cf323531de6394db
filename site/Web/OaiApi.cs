using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Oai;
using HafizaIzmir.Oai.Catalogue;
using HafizaIzmir.Oai.Protocol;
using HafizaIzmir.Oai.Source;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Site.Web;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// The OAI-PMH endpoint at <c>/oai</c> (GET and POSTed forms), answered from the <see cref="OaiCatalogue"/>,
/// with <see cref="OaiOptions"/> from the configuration section <c>Oai</c>.
/// </summary>
public static class OaiApi
{
    public const string ConfigurationSection = "Oai";
    public const string Path = "/oai";

    /// <summary>Where the token key is kept when none is configured: one blob, shared by every instance on the store.</summary>
    public const string TokenKeyBlob = "settings/oai-token-key";

    /// <summary>A form of OAI arguments is small; anything larger is not a harvester.</summary>
    private const int MaxFormBytes = 64 * 1024;

    /// <summary>The catalogue as derived data (rebuilt by <c>reindex</c>, kept current by the journal) and as the endpoint's source.</summary>
    public static IServiceCollection AddOaiCatalogue(this IServiceCollection services, ArchiveOptions options)
    {
        services.AddSingleton(sp => new OaiCatalogue(System.IO.Path.Combine(options.DerivedDirectory, OaiCatalogue.DirectoryName),
            sp.GetRequiredService<Archive>(), PublicationGate.IsPublic));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<OaiCatalogue>());
        services.AddSingleton<IOaiRecordSource>(sp => sp.GetRequiredService<OaiCatalogue>());
        return services;
    }

    public static void MapOaiPmh(this WebApplication app)
    {
        // Bound onto an empty list: the binder appends to a list that already holds the default address.
        var options = new OaiOptions { AdminEmails = [] };
        app.Configuration.GetSection(ConfigurationSection).Bind(options);
        if (options.AdminEmails.Count == 0) options.AdminEmails = new OaiOptions().AdminEmails;
        var store = app.Services.GetRequiredService<IBlobStore>();
        var source = app.Services.GetRequiredService<IOaiRecordSource>();
        // The key may have to be read from (or written to) storage, which is not reachable while mapping.
        var endpoint = new Lazy<Task<OaiPmhEndpoint>>(async () =>
        {
            var key = string.IsNullOrWhiteSpace(options.TokenKey) ? await TokenKeyAsync(store, CancellationToken.None) : options.TokenKey;
            return new OaiPmhEndpoint(source, options with { TokenKey = key });
        });

        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            var request = context.Request;
            string arguments;
            if (HttpMethods.IsPost(request.Method))
            {
                if (!request.HasFormContentType)
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "OAI-PMH POST requests carry application/x-www-form-urlencoded");
                if (request.ContentLength > MaxFormBytes)
                    return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "OAI-PMH arguments are too long");
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                arguments = await reader.ReadToEndAsync(context.RequestAborted);
            }
            else arguments = request.QueryString.Value ?? "";

            var oai = await endpoint.Value;
            var baseUrl = string.IsNullOrWhiteSpace(options.BaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}{Path}" : options.BaseUrl;
            context.Response.ContentType = OaiPmhEndpoint.ContentType;
            await oai.WriteResponseAsync(OaiArguments.Parse(arguments), baseUrl, context.Response.Body, context.RequestAborted);
            return Results.Empty;
        });
    }

    /// <summary>
    /// The token key kept in blob storage, created on first use. Written only if absent, so when several
    /// instances start at once they all end up with the one that was written first.
    /// </summary>
    public static async Task<string> TokenKeyAsync(IBlobStore store, CancellationToken ct)
    {
        if (await store.GetAsync(TokenKeyBlob, ct) is { } existing) return Encoding.UTF8.GetString(existing.Bytes);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            await store.PutAsync(TokenKeyBlob, new MemoryStream(Encoding.UTF8.GetBytes(key)), BlobCondition.IfAbsent, ct);
            return key;
        }
        catch (BlobConditionFailedException)
        {
            var winner = await store.GetAsync(TokenKeyBlob, ct) ?? throw new InvalidOperationException($"{TokenKeyBlob} vanished while it was being created");
            return Encoding.UTF8.GetString(winner.Bytes);
        }
    }
}
