using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Http;

/// <summary>
/// Wraps the body of a run request to learn how far it got, which decides whether a failed call may have started a
/// run: a body that was never started, or was cut off before its end, cannot have been taken by the API; a body that
/// was written whole may have been. It also refuses to be sent a second time — the one way a caller's
/// <see cref="HttpClient"/> could post a run twice is a handler that follows a 307/308 redirect or retries on its own.
/// </summary>
internal sealed class TrackedRequestContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly HttpRequestMessage _message;
    private readonly Uri _uri;
    private int _sends;
    private long _bytesWritten;
    private int _completed;

    public TrackedRequestContent(HttpContent inner, HttpRequestMessage message)
    {
        _inner = inner;
        _message = message;
        _uri = message.RequestUri!;
        foreach (var header in inner.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Whether writing the body began (the connection was made and the headers went out).</summary>
    public bool Started => Volatile.Read(ref _sends) > 0;

    /// <summary>Whether the whole body was handed to the connection: from here on the API may have the request.</summary>
    public bool Completed => Volatile.Read(ref _completed) != 0;

    /// <summary>How many body bytes were handed to the connection.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>The body's length, when it is known in advance.</summary>
    public long? Length => _inner.Headers.ContentLength;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => WriteAsync(stream, context, CancellationToken.None);

#if NET
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => WriteAsync(stream, context, cancellationToken);
#endif

    protected override bool TryComputeLength(out long length)
    {
        if (_inner.Headers.ContentLength is { } known)
        {
            length = known;
            return true;
        }

        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    private async Task WriteAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _sends) > 1)
        {
            var target = _message.RequestUri;
            throw new ResendRefusedException(target is not null && target != _uri ? target : null);
        }

        var counting = new CountingStream(stream, this);
#if NET
        await _inner.CopyToAsync(counting, context, cancellationToken).ConfigureAwait(false);
#else
        await _inner.CopyToAsync(counting, context).ConfigureAwait(false);
#endif
        Volatile.Write(ref _completed, 1);
    }

    /// <summary>Counts the bytes written through it; everything else goes straight to the connection's stream.</summary>
    private sealed class CountingStream(Stream inner, TrackedRequestContent owner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Interlocked.Add(ref owner._bytesWritten, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref owner._bytesWritten, count);
        }

#if NET
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Interlocked.Add(ref owner._bytesWritten, buffer.Length);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref owner._bytesWritten, buffer.Length);
        }
#endif
    }
}

/// <summary>
/// A handler of the caller's <see cref="HttpClient"/> tried to send a run request's body a second time: to follow a
/// redirect (<see cref="RedirectedTo"/>), or to retry on its own. Refused, so one call never posts a run twice.
/// </summary>
internal sealed class ResendRefusedException(Uri? redirectedTo)
    : IOException(redirectedTo is null ? "The HttpClient's handler tried to send the run request a second time; refused." : "The HttpClient's handler followed a redirect and tried to post the run request again; refused.")
{
    public Uri? RedirectedTo { get; } = redirectedTo;
}
