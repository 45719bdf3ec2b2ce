using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Cli.Running;

/// <summary>
/// A file stream that reports how far it has been read, for the upload progress bar. Only new ground counts: when
/// the client rewinds to send the file again (after a 429), the bar does not jump past the end.
/// </summary>
internal sealed class ProgressStream(Stream inner, Action<long> advanced) : Stream
{
    private long _furthest;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Advance(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Advance(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Advance(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private int Advance(int read)
    {
        var position = inner.Position;
        if (position > _furthest)
        {
            advanced(position - _furthest);
            _furthest = position;
        }

        return read;
    }
}
