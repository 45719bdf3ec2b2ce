using System;
using System.IO;

namespace TableFlow.Tests.Infrastructure;

/// <summary>A readable stream that cannot seek (like a network or pipe stream), and records whether it was disposed.</summary>
public sealed class NonSeekableStream : Stream
{
    private readonly Stream _inner;

    public NonSeekableStream(byte[] content) => _inner = new MemoryStream(content);

    public NonSeekableStream(Stream inner) => _inner = inner;

    public bool Disposed { get; private set; }

    public override bool CanRead => !Disposed;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
