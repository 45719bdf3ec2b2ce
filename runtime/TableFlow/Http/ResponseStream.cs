using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Http;

/// <summary>
/// The body of a successful answer, read from the connection as the caller reads it. It owns the answer: disposing
/// the stream disposes the answer and frees the connection.
/// </summary>
internal sealed class ResponseStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;

    private ResponseStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
    }

    /// <summary>Opens the body of <paramref name="response"/>; on failure the answer is disposed.</summary>
    public static async Task<Stream> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            return new ResponseStream(response, body);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public override bool CanRead => _body.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The body's length when the answer gave a <c>Content-Length</c>.</summary>
    public override long Length => _response.Content.Headers.ContentLength ?? throw new NotSupportedException("The download's length is unknown: the answer sent no Content-Length.");

    public override long Position
    {
        get => throw new NotSupportedException("A download is read from the network once, start to end; it has no position to get or set.");
        set => throw new NotSupportedException("A download is read from the network once, start to end; it has no position to get or set.");
    }

    public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _body.ReadAsync(buffer, offset, count, cancellationToken);

#if NET
    public override int Read(Span<byte> buffer) => _body.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _body.ReadAsync(buffer, cancellationToken);

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) => _body.CopyToAsync(destination, bufferSize, cancellationToken);
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A download is read from the network once, start to end; it cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A download cannot be written to.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A download cannot be written to.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
