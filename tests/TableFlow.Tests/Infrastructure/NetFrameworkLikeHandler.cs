using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Tests.Infrastructure;

/// <summary>
/// Sends as .NET Framework's <c>HttpClientHandler</c> does where it differs from .NET's: a request body whose length
/// is unknown is loaded whole into memory first (to learn its length) unless the request asks for chunked transfer
/// (<c>Headers.TransferEncodingChunked = true</c>). .NET's SocketsHttpHandler streams such a body chunked either way,
/// so on this machine only this handler shows whether the client asks.
/// </summary>
public sealed class NetFrameworkLikeHandler : DelegatingHandler
{
    public NetFrameworkLikeHandler()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>How many request bodies were loaded into memory.</summary>
    public int BufferedBodies { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { Headers.ContentLength: null } && request.Headers.TransferEncodingChunked != true)
        {
            BufferedBodies++;
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
