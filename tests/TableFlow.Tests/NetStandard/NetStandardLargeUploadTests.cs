using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Client;
using TableFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TableFlow.Tests.NetStandard;

/// <summary>
/// The netstandard2.0 build streams a file of unknown length chunked instead of letting the handler hold it in memory:
/// 64 MiB from a non-seekable stream, sent through a handler that buffers as .NET Framework's does unless asked to
/// chunk. Runs alone (with LargeUploadTests) so other tests' allocations do not count.
/// </summary>
[Collection(nameof(LargeUploadTests))]
public sealed class NetStandardLargeUploadTests : IDisposable
{
    private const long StreamSize = 64L * 1024 * 1024;

    private readonly NetStandardRuntime _runtime = new();
    private readonly ITestOutputHelper _output;

    public NetStandardLargeUploadTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task A_64_MiB_stream_of_unknown_length_goes_chunked_without_being_held_in_memory()
    {
        var (server, seen) = await StartServer();
        await using var _ = server;
        using var handler = new NetFrameworkLikeHandler();
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var client = _runtime.CreateClient(server.BaseAddress, http);
        await NetStandardRuntime.RunFlowAsync(client, "f1", _runtime.Request(("invoice", _runtime.FromBytes(new byte[1024], "warm.pdf")))); // JIT, connection
        var stream = new GeneratedStream(StreamSize);
        var request = _runtime.Request(("invoice", _runtime.FromStream(stream, "scan.tiff")));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await NetStandardRuntime.RunFlowAsync(client, "f1", request);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        _output.WriteLine($"uploaded {StreamSize / (1024 * 1024)} MiB of unknown length, allocated {allocated / 1024} KiB in the process");
        Assert.Equal(StreamSize, stream.BytesRead);
        Assert.Equal(("chunked", (long?)null), (seen.TransferEncoding, seen.ContentLength));
        Assert.True(seen.BodyBytes > StreamSize, "the server did not receive the whole stream");
        Assert.Equal(0, handler.BufferedBodies);
        Assert.True(allocated < StreamSize / 4, $"allocated {allocated:N0} bytes to upload {StreamSize:N0}");
    }

    [Fact]
    public async Task The_NET_Framework_like_handler_does_hold_a_body_of_unknown_length_in_memory_when_chunking_is_not_asked()
    {
        var (server, seen) = await StartServer();
        await using var _ = server;
        using var handler = new NetFrameworkLikeHandler();
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        using (var warm = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress) { Content = new StreamContent(new GeneratedStream(1024)) })
        {
            (await http.SendAsync(warm)).Dispose();
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress) { Content = new StreamContent(new GeneratedStream(StreamSize)) };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        (await http.SendAsync(message)).Dispose();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // The check above has teeth: without TransferEncodingChunked the whole body was held, and sent with a length.
        Assert.Equal(2, handler.BufferedBodies);
        Assert.Equal(StreamSize, seen.ContentLength);
        Assert.True(allocated > StreamSize, $"allocated only {allocated:N0} bytes for a buffered {StreamSize:N0}");
    }

    private static async Task<(LoopbackServer Server, Seen Seen)> StartServer()
    {
        var seen = new Seen();
        var server = await LoopbackServer.StartAsync(async c =>
        {
            seen.TransferEncoding = c.Request.Headers.TransferEncoding.ToString();
            seen.ContentLength = c.Request.ContentLength;
            Interlocked.Exchange(ref seen.BodyBytes, await Respond.Drain(c));
            await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
        });
        return (server, seen);
    }

    private sealed class Seen
    {
        public string TransferEncoding = "";
        public long? ContentLength;
        public long BodyBytes;
    }
}
