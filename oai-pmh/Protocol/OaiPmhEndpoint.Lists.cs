using HafizaIzmir.Oai.Formats;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Protocol;

// ListIdentifiers and ListRecords: incomplete lists continued by stateless resumption tokens.
public sealed partial class OaiPmhEndpoint
{
    private async Task ListAsync(Exchange x)
    {
        var request = x.Request!;
        ResumptionToken? token = null;
        if (request.ResumptionToken is not null)
        {
            if (!_tokens.TryDecode(request.ResumptionToken, out token, out var problem))
            {
                await FailAsync(x, OaiError.BadResumptionToken(problem!));
                return;
            }
            if (token!.Verb != request.Verb)
            {
                await FailAsync(x, OaiError.BadResumptionToken($"the resumption token continues {token.Verb}, not {request.Verb}"));
                return;
            }
        }
        var prefix = token?.MetadataPrefix ?? request.MetadataPrefix!;
        var format = Formats(x.BaseUrl).FirstOrDefault(f => f.Prefix == prefix);
        if (format is null)
        {
            await FailAsync(x, OaiError.CannotDisseminateFormat(prefix));
            return;
        }
        var query = token?.Query ?? new OaiQuery(request.From, request.Until, request.Set);
        var visible = query with { Until = HoldBack(query.Until, x.Now) };
        var pageSize = _options.PageSize;
        var records = request.Verb == OaiRequest.ListRecords;
        await using var items = _source.ListAsync(visible, token?.After, pageSize + 1, records, x.Cancellation).GetAsyncEnumerator(x.Cancellation);
        if (!await items.MoveNextAsync())
        {
            await FailAsync(x, OaiError.NoRecordsMatch());
            return;
        }
        var cursor = token?.Cursor ?? 0;
        var completeListSize = token?.CompleteListSize ?? _source.Count(visible);
        var w = x.W;
        Start(x);
        w.WriteStartElement(request.Verb, OaiNs);
        var written = 0;
        OaiItem last;
        bool more;
        do
        {
            last = items.Current;
            if (records) WriteRecord(w, last, format);
            else WriteHeader(w, last);
            written++;
            await x.Buffer.FlushAsync(force: false, x.Cancellation);
            more = await items.MoveNextAsync();
        } while (more && written < pageSize);

        completeListSize = Math.Max(completeListSize, cursor + written + (more ? 1 : 0));
        if (more || token is not null)
        {
            w.WriteStartElement("resumptionToken", OaiNs);
            w.WriteAttributeString("completeListSize", completeListSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteAttributeString("cursor", cursor.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (more)
                w.WriteString(_tokens.Encode(new ResumptionToken(request.Verb, prefix, query.Set, query.From, query.Until,
                    last.Position, cursor + written, completeListSize)));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        await EndAsync(x);
    }

    /// <summary>
    /// Lists end one second before the current one: a record saved later in this same second gets this
    /// second as its datestamp and might sort before the position a token has already passed. Holding the
    /// second back means every datestamp a harvester has moved beyond is final.
    /// </summary>
    private static DateTimeOffset HoldBack(DateTimeOffset? until, DateTimeOffset now)
    {
        var settled = now.AddSeconds(-1);
        return until is null || until > settled ? settled : until.Value;
    }
}
