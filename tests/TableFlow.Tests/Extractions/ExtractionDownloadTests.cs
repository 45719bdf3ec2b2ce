using System;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// The CSV and original downloads over real HTTP: a stream read from the connection as the caller reads it (returned
/// before the server has finished writing, never buffered whole), that frees the connection when disposed; an error
/// answer is a <see cref="TableFlowApiException"/> and no stream.
/// </summary>
public sealed class ExtractionDownloadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = ExtractionServer.Generous;

    [Fact]
    public async Task The_csv_arrives_as_sent_with_the_filter_in_the_query()
    {
        const string Csv = "Description,Quantity,Unit Price,Amount\r\nErgonomic Office Chair,1,249.99,249.99\r\n";
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.Headers.ContentDisposition = "attachment; filename=\"line_items.csv\"";
            await Respond.Text(c, 200, "text/csv", Csv);
        });
        using var client = TestClients.Create(server);

        await using var stream = await client.DownloadExtractionTableAsync(ExtractionJson.Id, "line_items", "valid");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();

        Assert.Equal(Csv, text);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v2/extractions/uT2bJNWN75YPU95r/tables/line_items/download"), (request.Method, request.Path));
        Assert.Equal("valid", ExtractionServer.QueryValue(request, "filter"));
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Authorization);
    }

    [Fact]
    public async Task A_50_MB_csv_is_streamed_the_stream_comes_before_the_server_has_written_it_and_little_is_allocated()
    {
        const long Size = 50L * 1024 * 1024;
        var clientHasStream = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.StatusCode = 200;
            c.Response.ContentType = "text/csv";
            var line = Encoding.ASCII.GetBytes("Item,1,249.99,249.99\n"); // 21 bytes
            var chunk = new byte[64 * 1024 - (64 * 1024 % line.Length)];
            for (var i = 0; i < chunk.Length; i += line.Length) line.CopyTo(chunk, i);
            long written = 0;
            await c.Response.Body.WriteAsync(chunk);
            written += chunk.Length;
            await c.Response.Body.FlushAsync();
            // The rest only once the client holds the stream: a client that buffered the body whole would never get it.
            await clientHasStream.Task.WaitAsync(Generous);
            while (written < Size)
            {
                var n = (int)Math.Min(chunk.Length, Size - written);
                await c.Response.Body.WriteAsync(chunk.AsMemory(0, n));
                written += n;
            }
        });
        using var client = TestClients.Create(server);
        var buffer = new byte[81920];

        // Warm up once so JIT and connection setup are not counted.
        clientHasStream.TrySetResult();
        await using (var warm = await client.DownloadExtractionTableAsync("x1", "line_items")) while (await warm.ReadAsync(buffer) > 0) { }
        clientHasStream = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        long read = 0;
        var stream = await client.DownloadExtractionTableAsync("x1", "line_items").WaitAsync(Generous);
        clientHasStream.TrySetResult();
        await using (stream)
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0) read += n;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"read {read / (1024 * 1024)} MiB, allocated {allocated / 1024} KiB in the process");
        Assert.Equal(Size, read);
        Assert.True(allocated < Size / 8, $"allocated {allocated:N0} bytes to download {Size:N0}");
    }

    [Fact]
    public async Task Disposing_the_stream_early_closes_the_connection_the_server_is_writing_to()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/pdf";
            var chunk = new byte[64 * 1024];
            try
            {
                while (true) await c.Response.Body.WriteAsync(chunk, c.RequestAborted); // endless, until the client lets go
            }
            catch (Exception) when (c.RequestAborted.IsCancellationRequested)
            {
                aborted.TrySetResult();
            }
            catch (IOException)
            {
                aborted.TrySetResult();
            }
        });
        using var client = TestClients.Create(server);

        var stream = await client.DownloadOriginalAsync(ExtractionJson.Id).WaitAsync(Generous);
        var first = new byte[1000];
        Assert.True(await stream.ReadAsync(first) > 0);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Position);
        await stream.DisposeAsync();

        await aborted.Task.WaitAsync(Generous);
        Assert.Equal("/v2/extractions/uT2bJNWN75YPU95r/download-original", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task The_original_file_arrives_byte_for_byte()
    {
        var pdf = new byte[300_000];
        new Random(42).NextBytes(pdf);
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/pdf";
            c.Response.ContentLength = pdf.Length;
            await c.Response.Body.WriteAsync(pdf);
        });
        using var client = TestClients.Create(server);

        await using var stream = await client.DownloadOriginalAsync(ExtractionJson.Id);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(pdf, copy.ToArray());
        Assert.Equal(pdf.Length, stream.Length);
    }

    [Fact]
    public async Task A_404_is_a_TableFlowApiException_and_no_stream()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"error":"Extraction not found"}""", status: 404);
        using var client = TestClients.Create(server);

        var table = await Assert.ThrowsAsync<TableFlowApiException>(() => client.DownloadExtractionTableAsync("nope", "line_items"));
        var original = await Assert.ThrowsAsync<TableFlowApiException>(() => client.DownloadOriginalAsync("nope"));

        Assert.Equal(HttpStatusCode.NotFound, table.StatusCode);
        Assert.Equal("Extraction not found", table.Error);
        Assert.Contains("downloading table 'line_items' of extraction 'nope'", table.Message);
        Assert.Equal(HttpStatusCode.NotFound, original.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_download_refused_while_processing_carries_the_APIs_reason()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"error":"Cannot download extraction while in status processing"}""", status: 400);
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.DownloadExtractionTableAsync("x1", "line_items"));

        Assert.Equal("Cannot download extraction while in status processing", e.Error);
    }

    [Fact]
    public async Task A_download_is_retried_after_a_503_before_any_stream_is_returned()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 503, """{"error":"busy"}""") : Respond.Text(c, 200, "text/csv", "a,b\n1,2\n"));
        using var client = TestClients.Create(server);

        await using var stream = await client.DownloadExtractionTableAsync("x1", "t");
        using var reader = new StreamReader(stream);

        Assert.Equal("a,b\n1,2\n", await reader.ReadToEndAsync());
        Assert.Equal(2, server.RequestCount);
    }
}
