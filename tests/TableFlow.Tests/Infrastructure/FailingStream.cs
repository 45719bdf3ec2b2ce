using System;
using System.IO;

namespace TableFlow.Tests.Infrastructure;

/// <summary>A non-seekable stream of zeros that throws an IOException once <c>failAfter</c> bytes were read (a file on a vanished disk).</summary>
public sealed class FailingStream : Stream
{
    private readonly long _failAfter;
    private long _read;

    public FailingStream(long failAfter) => _failAfter = failAfter;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_read >= _failAfter) throw new IOException("The disk went away.");
        var n = (int)Math.Min(count, _failAfter - _read);
        Array.Clear(buffer, offset, n);
        _read += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
