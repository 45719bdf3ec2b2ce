using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace UploadApi;

/// <summary>
/// The body of the form's next file part, opened only when it is first read: by then the part before it has been read
/// to its end (the upload sends parts in order), so the request body is never held, only passed through.
/// </summary>
/// <remarks>When the part turns out not to be the expected file (another key, not a PDF), reading fails and <see cref="Failure"/> says why.</remarks>
internal sealed class NextSectionStream(MultipartReader reader, string expectedKey) : Stream
{
    private Stream? _body;

    /// <summary>The file name the browser gave the part, once it has been reached.</summary>
    public string? FileName { get; private set; }

    /// <summary>Why the part could not be sent, when it could not.</summary>
    public string? Failure { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _body ??= await OpenAsync(cancellationToken);
        return await _body.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var section = await reader.ReadNextSectionAsync(cancellationToken);
        var disposition = section?.GetContentDispositionHeader();
        if (section is null || disposition is null || !disposition.IsFileDisposition())
        {
            throw Fail($"The form has no '{expectedKey}' file after the purchase order.");
        }

        var key = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
        if (key != expectedKey) throw Fail($"The form sends '{key}' where '{expectedKey}' was expected: send name, then purchase_order, then invoice.");

        FileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        if (!UploadForm.IsPdf(FileName, section.ContentType)) throw Fail($"The {expectedKey} '{FileName}' is not a PDF.");
        return section.Body;
    }

    private InvalidDataException Fail(string message)
    {
        Failure = message;
        return new InvalidDataException(message);
    }
}
