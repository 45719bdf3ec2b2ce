using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Json;

namespace TableFlow.Http;

/// <summary>
/// The <c>multipart/form-data</c> body of a run request or an extraction upload, written straight to the connection:
/// file parts are copied from their streams as they are sent, never buffered whole.
/// </summary>
/// <remarks>
/// <para>
/// File names. Part headers are written as UTF-8 and the name goes in the quoted <c>filename</c> parameter as is:
/// RFC 7578 §4.2 allows this (§5.1.3 notes that deployed systems send raw UTF-8), browsers do it, and multipart
/// parsers read header lines as UTF-8 (ASP.NET Core's <c>MultipartReader</c>, busboy with
/// <c>defParamCharset: 'utf8'</c>, Python's <c>email</c> package and python-multipart). Inside the quoted string,
/// <c>"</c> and <c>\</c> are written as the quoted-pairs <c>\"</c> and <c>\\</c> (RFC 9110 §5.6.4), which those parsers
/// unescape. Nothing else is escaped: <c>%22</c> (the WHATWG escape browsers use) would be ambiguous with a literal
/// <c>%22</c>, an RFC 2047 encoded word is forbidden inside a quoted string (RFC 2047 §5), and the RFC 5987
/// <c>filename*</c> form MUST NOT be used in form data (RFC 7578 §4.2). CR, LF and NUL are refused when the
/// <see cref="FlowFile"/> is made, and form keys cannot hold quotes or control characters at all.
/// </para>
/// </remarks>
internal sealed class FlowRunContent : HttpContent
{
    /// <summary>
    /// Copy chunk for file parts: 1 MiB means fewer reads and socket writes per gigabyte (1 GiB took 1.16-1.19x curl's
    /// time against 1.25-1.33x with 256 KiB on this machine). Rented from the shared pool (whose largest pooled size
    /// is 1 MiB on netstandard2.0), so a request pays for it only once per thread, and not at all without streamed files.
    /// </summary>
    private const int CopyBufferSize = 1024 * 1024;
    private static readonly byte[] CrLf = { (byte)'\r', (byte)'\n' };

    private readonly List<Part> _parts = new();
    private readonly byte[] _closingBoundary;
    private readonly CancellationTokenSource _disposed = new();
    private int _written;
    private bool _streamsFiles;

    public FlowRunContent(FlowRunRequest request)
        : this()
    {
        foreach (var field in request.Fields)
        {
            if (field.Multiple)
            {
                for (var i = 0; i < field.Files.Count; i++) AddFile($"{field.Key}_{i + 1}", field.Files[i]);
            }
            else
            {
                AddFile(field.Key, field.Files[0]);
            }
        }

        foreach (var field in request.Fields)
        {
            if (field.Metadata is not null) AddJson(field.Key + "_metadata", field.Metadata);
            if (field.Guidance is not null) AddText(field.Key + "_guidance", field.Guidance);
        }

        if (request.Name is not null) AddText("name", request.Name);
        if (request.Metadata is not null) AddJson("metadata", request.Metadata);
    }

    private FlowRunContent()
    {
        Boundary = "tableflow-" + RandomToken();
        _closingBoundary = Encoding.ASCII.GetBytes("--" + Boundary + "--\r\n");
        var contentType = new MediaTypeHeaderValue("multipart/form-data");
        contentType.Parameters.Add(new NameValueHeaderValue("boundary", Boundary));
        Headers.ContentType = contentType;
    }

    /// <summary>
    /// The body of <c>POST v2/extractions/upload</c>: the <c>file</c> part, then <c>template_id</c>, and <c>name</c>,
    /// <c>guidance</c> and <c>metadata</c> (a JSON object) when given.
    /// </summary>
    public static FlowRunContent ForExtraction(FlowFile file, string templateId, string? name, string? guidance, System.Text.Json.Nodes.JsonObject? metadata)
    {
        var content = new FlowRunContent();
        content.AddFile("file", file);
        content.AddText("template_id", templateId);
        if (name is not null) content.AddText("name", name);
        if (guidance is not null) content.AddText("guidance", guidance);
        if (metadata is not null) content.AddJson("metadata", metadata);
        return content;
    }

    /// <summary>The random boundary between parts.</summary>
    public string Boundary { get; }

    /// <summary>The form keys of the parts, in order (for diagnostics and tests).</summary>
    public IEnumerable<string> PartNames
    {
        get
        {
            foreach (var part in _parts) yield return part.Name;
        }
    }

    private void AddFile(string name, FlowFile file)
    {
        var header = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{EncodeFileName(file.FileName)}\"\r\nContent-Type: {file.ContentType}\r\n\r\n";
        _parts.Add(new Part(name, Encoding.UTF8.GetBytes(header), file, null));
        if (!file.TryGetMemory(out _)) _streamsFiles = true;
    }

    private void AddText(string name, string value) => AddValue(name, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(value));

    private void AddJson(string name, System.Text.Json.Nodes.JsonObject value)
        => AddValue(name, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, TableFlowJsonContext.Default.JsonObject));

    private void AddValue(string name, string contentType, byte[] body)
    {
        var header = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\nContent-Type: {contentType}\r\n\r\n";
        _parts.Add(new Part(name, Encoding.UTF8.GetBytes(header), null, body));
    }

    /// <summary>
    /// The inside of the quoted <c>filename</c> parameter: the name as is, with <c>"</c> and <c>\</c> written as the
    /// quoted-pairs <c>\"</c> and <c>\\</c> (see the remarks on the type for why).
    /// </summary>
    internal static string EncodeFileName(string fileName)
    {
        if (fileName.IndexOf('"') < 0 && fileName.IndexOf('\\') < 0) return fileName;
        var escaped = new StringBuilder(fileName.Length + 8);
        foreach (var c in fileName)
        {
            if (c == '"' || c == '\\') escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => WriteAsync(stream, CancellationToken.None);

#if NET
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => WriteAsync(stream, cancellationToken);
#endif

    private async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        // One body, one send. A handler that retries on its own (SocketsHttpHandler may, when a pooled connection
        // turns out dead) would otherwise post the run twice; the client decides about re-sending, with a new body.
        if (Interlocked.Exchange(ref _written, 1) != 0)
        {
            throw new InvalidOperationException("An upload body (a run request or an extraction upload) is sent at most once; it is not re-sent automatically because the API may already have started the run or extraction.");
        }

        // A server may answer (say 429) before it has read the whole body. Once the request is disposed, stop copying,
        // so a retry that rewinds the caller's stream does not race an old copy still reading it.
        // Bodies made only of in-memory parts read no caller stream, so they skip the linked source.
        using var linked = _streamsFiles ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token) : null;
        if (linked is not null) cancellationToken = linked.Token;
        byte[]? buffer = null;
        try
        {
            foreach (var part in _parts)
            {
                await stream.WriteAsync(part.Header, 0, part.Header.Length, cancellationToken).ConfigureAwait(false);
                if (part.Body is not null)
                {
                    await stream.WriteAsync(part.Body, 0, part.Body.Length, cancellationToken).ConfigureAwait(false);
                }
                else if (part.File!.TryGetMemory(out var memory))
                {
                    await WriteMemoryAsync(stream, memory, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    buffer ??= ArrayPool<byte>.Shared.Rent(CopyBufferSize);
                    await CopyFileAsync(part.File!, stream, buffer, cancellationToken).ConfigureAwait(false);
                }

                await stream.WriteAsync(CrLf, 0, CrLf.Length, cancellationToken).ConfigureAwait(false);
            }

            await stream.WriteAsync(_closingBoundary, 0, _closingBoundary.Length, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every await above has finished (or thrown) here, so nothing still reads or writes the buffer.
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes in-memory file content as is: no stream over it, no copy through the buffer.</summary>
    private static Task WriteMemoryAsync(Stream destination, ReadOnlyMemory<byte> memory, CancellationToken cancellationToken)
    {
#if NET
        return memory.Length <= CopyBufferSize ? destination.WriteAsync(memory, cancellationToken).AsTask() : WriteInChunksAsync(destination, memory, cancellationToken);
#else
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is not null)
        {
            return destination.WriteAsync(segment.Array, segment.Offset, segment.Count, cancellationToken);
        }

        // Memory not backed by an array (native or custom MemoryManager): netstandard2.0 streams take arrays only.
        var copy = memory.ToArray();
        return destination.WriteAsync(copy, 0, copy.Length, cancellationToken);
#endif
    }

#if NET
    /// <summary>Large in-memory content goes out in copy-chunk slices (no copy), as streamed files do.</summary>
    private static async Task WriteInChunksAsync(Stream destination, ReadOnlyMemory<byte> memory, CancellationToken cancellationToken)
    {
        while (memory.Length > 0)
        {
            var slice = memory.Length > CopyBufferSize ? memory.Slice(0, CopyBufferSize) : memory;
            await destination.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
            memory = memory.Slice(slice.Length);
        }
    }

#endif
    private static async Task CopyFileAsync(FlowFile file, Stream destination, byte[] buffer, CancellationToken cancellationToken)
    {
        // Failures of the source (a deleted or locked file, a caller's stream that throws) are marked so the client
        // can tell them from network failures of the destination and say which file it was.
        Stream source;
        bool owned;
        try
        {
            source = file.Open(out owned);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FileReadException(file.FileName, e);
        }

        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new FileReadException(file.FileName, e);
                }

                if (read == 0) return;
                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (owned) source.Dispose();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _disposed.Cancel();
        base.Dispose(disposing);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _closingBoundary.Length;
        foreach (var part in _parts)
        {
            long? body = part.Body?.Length ?? part.File!.Length;
            if (body is null)
            {
                length = 0;
                return false;
            }

            length += part.Header.Length + body.Value + CrLf.Length;
        }

        return true;
    }

    private static string RandomToken()
    {
        var bytes = new byte[16];
#if NET
        RandomNumberGenerator.Fill(bytes);
#else
        using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
#endif
        var sb = new StringBuilder(32);
        foreach (var b in bytes) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private sealed class Part
    {
        public Part(string name, byte[] header, FlowFile? file, byte[]? body)
        {
            Name = name;
            Header = header;
            File = file;
            Body = body;
        }

        public string Name { get; }
        public byte[] Header { get; }
        public FlowFile? File { get; }
        public byte[]? Body { get; }
    }
}
