using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Benchmarks.Responses;

/// <summary>
/// Answers every request with the same JSON body, in memory. The parse benchmark uses it so that what differs between
/// the clients is the reading of the body, not the network.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly byte[] _body;

    /// <summary>Creates a handler that answers <paramref name="body"/>.</summary>
    public CannedResponseHandler(byte[] body) => _body = body;

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(_body) { Headers = { ContentType = Json } },
        });
}
