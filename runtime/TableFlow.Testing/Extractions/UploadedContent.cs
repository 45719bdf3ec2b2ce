using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Testing.Extractions;

/// <summary>
/// An uploaded file's bytes: in memory up to <see cref="InMemoryLimit"/>, past that in a temp file deleted when the
/// emulator stops, so a large upload (the API takes up to 1 GB) does not sit in the test process's memory.
/// </summary>
internal sealed class UploadedContent : IDisposable
{
    public const int InMemoryLimit = 8 * 1024 * 1024;

    private readonly byte[]? _bytes;
    private readonly string? _path;

    private UploadedContent(byte[]? bytes, string? path, long length, string sha256)
    {
        _bytes = bytes;
        _path = path;
        Length = length;
        Sha256 = sha256;
    }

    public long Length { get; }

    public string Sha256 { get; }

    /// <summary>Reads <paramref name="source"/> to its end; <see langword="null"/> when it holds more than <paramref name="maxBytes"/> (read through, not kept).</summary>
    public static async Task<UploadedContent?> ReadAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var memory = new MemoryStream();
        FileStream? file = null;
        string? path = null;
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes) continue;
                hash.AppendData(buffer, 0, read);
                if (file is null && memory.Length + read > InMemoryLimit)
                {
                    path = Path.Combine(Path.GetTempPath(), "tableflow-emulator", Guid.NewGuid().ToString("N"));
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                    memory.Position = 0;
                    await memory.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    memory = new MemoryStream();
                }

                if (file is not null) await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                else memory.Write(buffer, 0, read);
            }

            if (file is not null) await file.DisposeAsync().ConfigureAwait(false);
            file = null;
            if (total > maxBytes)
            {
                Delete(path);
                return null;
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return path is null ? new UploadedContent(memory.ToArray(), null, total, sha) : new UploadedContent(null, path, total, sha);
        }
        catch
        {
            if (file is not null) await file.DisposeAsync().ConfigureAwait(false);
            Delete(path);
            throw;
        }
    }

    public Stream OpenRead() => _bytes is not null
        ? new MemoryStream(_bytes, writable: false)
        : new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void Dispose() => Delete(_path);

    private static void Delete(string? path)
    {
        if (path is null) return;
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open by a download in progress: the OS temp folder cleans it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
