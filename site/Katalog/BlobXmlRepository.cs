using System.Xml.Linq;
using HafizaIzmir.Archive.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// Data-protection keys kept in the blob store, so a sign-in cookie issued by one <c>serve</c> replica is
/// read by every other replica on the same container, and survives restarts.
/// </summary>
public sealed class BlobXmlRepository(IBlobStore store) : IXmlRepository
{
    public const string Prefix = "dataprotection/keys/";

    // The data-protection API is synchronous; key reads and writes are rare (start-up and key rotation).
    public IReadOnlyCollection<XElement> GetAllElements() => Task.Run(async () =>
    {
        var elements = new List<XElement>();
        await foreach (var blob in store.ListAsync(Prefix))
        {
            if (await store.GetAsync(blob.Key) is not { } content) continue;
            using var stream = new MemoryStream(content.Bytes, writable: false);
            elements.Add(XElement.Load(stream));
        }
        return (IReadOnlyCollection<XElement>)elements;
    }).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => Task.Run(async () =>
    {
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;
        var key = Prefix + Archive.Storage.Archive.Checked(friendlyName) + ".xml";
        try
        {
            await store.PutAsync(key, content, BlobCondition.IfAbsent);
        }
        catch (BlobConditionFailedException)
        {
            // Key ids are GUIDs: an existing blob is this very key, written by a retry.
        }
    }).GetAwaiter().GetResult();
}
