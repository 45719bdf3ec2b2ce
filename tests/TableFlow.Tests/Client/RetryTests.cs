using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>Reads retry transient failures; a run is re-sent only when the API certainly did not take it.</summary>
public sealed class RetryTests
{
    private static readonly string Run = RunJson.Run("r1", "processing");

    private static FlowRunRequest OneFile(FlowFile file) => new FlowRunRequest().AddFile("invoice", file);

    [Fact]
    public async Task Get_retries_server_errors_until_it_succeeds()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n switch
        {
            1 => Respond.Json(c, 500, """{"error": "boom"}"""),
            2 => Respond.Json(c, 503, """{"error": "unavailable"}"""),
            _ => Respond.Json(c, 200, Run),
        });
        using var client = TestClients.Create(server);

        var run = await client.GetFlowRunAsync("r1");

        Assert.Equal("r1", run.Id);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Get_honours_Retry_After_in_seconds_after_429()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 429, """{"error": "rate limited"}""", retryAfter: "1") : Respond.Json(c, 200, Run));
        using var client = TestClients.Create(server);
        var clock = Stopwatch.StartNew();

        await client.GetFlowRunAsync("r1");

        Assert.Equal(2, server.RequestCount);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}; the API asked for 1 s");
    }

    [Fact]
    public async Task Get_honours_Retry_After_as_an_HTTP_date()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1
            ? Respond.Json(c, 503, """{"error": "maintenance"}""", retryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("R"))
            : Respond.Json(c, 200, Run));
        using var client = TestClients.Create(server);
        var clock = Stopwatch.StartNew();

        await client.GetFlowRunAsync("r1");

        Assert.Equal(2, server.RequestCount);
        // The date has whole-second precision, so at least one second of the two remains.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task Get_does_not_wait_when_Retry_After_exceeds_MaxRetryDelay()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 429, """{"error": "quota exhausted"}""", retryAfter: "3600"));
        using var client = TestClients.Create(server);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("r1"));

        Assert.Equal(429, (int)e.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), e.RetryAfter);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("called again in 3600 s", e.Message);
        Assert.Contains("MaxRetryDelay", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Get_gives_up_after_MaxRetries_and_says_how_often_it_tried()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 503, """{"error": "unavailable"}"""));
        using var client = TestClients.Create(server, o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("r1"));

        Assert.Equal(3, server.RequestCount);
        Assert.Contains("Gave up after 3 attempts", e.Message);
    }

    [Fact]
    public async Task Get_retries_a_hang_up()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.HangUp(c) : Respond.Json(c, 200, Run));
        using var client = TestClients.Create(server);

        Assert.Equal("r1", (await client.GetFlowRunAsync("r1")).Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Get_retries_a_timeout()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Slowly(c, TimeSpan.FromSeconds(20), Run) : Respond.Json(c, 200, Run));
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        Assert.Equal("r1", (await client.GetFlowRunAsync("r1")).Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Get_retries_refused_connections()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, Run));
        var (http, attempts) = RawSockets.RefusingFirst(2, server.BaseAddress);
        using var _ = http;
        using var client = TestClients.Create(http, server.BaseAddress);

        Assert.Equal("r1", (await client.GetFlowRunAsync("r1")).Id);
        Assert.Equal(3, attempts());
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Retries_are_off_with_MaxRetries_zero()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 500, """{"error": "boom"}"""));
        using var client = TestClients.Create(server, o => o.MaxRetries = 0);

        await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("r1"));
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Run_after_a_server_error_is_sent_once_and_says_why(int status)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, status, """{"error": "internal"}""", retryAfter: "0"));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync("f1", OneFile(FlowFile.FromBytes(new byte[] { 1, 2 }, "i.pdf"))));

        Assert.Equal(status, (int)e.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("not sent again", e.Message);
        Assert.Contains("ListFlowRunsAsync", e.Message);
    }

    [Fact]
    public async Task Run_after_a_hang_up_on_a_reused_connection_is_sent_once()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 200, Run) : Respond.HangUp(c));
        using var client = TestClients.Create(server);
        await client.GetFlowRunAsync("r1"); // leaves a pooled keep-alive connection for the POST to reuse

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", OneFile(FlowFile.FromBytes(new byte[1000], "i.pdf"))));

        Assert.Equal(1, server.Requests.Count(r => r.Method == "POST"));
        Assert.Contains("not sent again", e.Message);
    }

    [Fact]
    public async Task Run_after_a_timeout_is_sent_once()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Slowly(c, TimeSpan.FromSeconds(20), Run));
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", OneFile(FlowFile.FromBytes(new byte[10], "i.pdf"))));

        Assert.Equal(1, server.RequestCount);
        Assert.Contains("after a timeout", e.Message);
    }

    [Fact]
    public async Task Run_after_429_is_re_sent_with_every_file_read_again_from_its_start()
    {
        var bodies = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async (c, n) =>
        {
            var parts = await MultipartParts.ReadAsync(c.Request);
            bodies.Enqueue(string.Join("|", parts.Select(p => $"{p.Name}={p.Text}")));
            if (n == 1) await Respond.Json(c, 429, """{"error": "rate limited"}""", retryAfter: "0");
            else await Respond.Json(c, 201, Run);
        });
        using var client = TestClients.Create(server);
        var path = Path.Combine(Path.GetTempPath(), $"tf-retry-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "from-path");
        try
        {
            using var seekable = new MemoryStream("skip-from-stream"u8.ToArray());
            seekable.Position = 5; // the file starts here: a re-send must start here again
            var request = new FlowRunRequest()
                .AddFile("purchase_order", FlowFile.FromPath(path))
                .AddFile("invoice", FlowFile.FromStream(seekable, "invoice.pdf"))
                .AddFile("delivery_note", FlowFile.FromBytes("from-bytes"u8.ToArray(), "note.pdf"));

            var run = await client.RunFlowAsync("f1", request);

            Assert.Equal("r1", run.Id);
            Assert.Equal(2, server.RequestCount);
            var expected = "purchase_order=from-path|invoice=from-stream|delivery_note=from-bytes";
            Assert.Equal(new[] { expected, expected }, bodies);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_after_429_re_opens_a_FromPath_file_and_closes_it_after_each_send()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tf-reopen-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "first");
        var bodies = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async (c, n) =>
        {
            bodies.Enqueue(Assert.Single(await MultipartParts.ReadAsync(c.Request)).Text);
            if (n == 1)
            {
                // The first send has closed the file (an exclusive open would fail otherwise); the re-send must read
                // the file as it is now, not bytes kept from the first attempt.
                await using (var exclusive = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    await exclusive.WriteAsync("second"u8.ToArray());
                }

                await Respond.Json(c, 429, """{"error": "rate limited"}""", retryAfter: "0");
            }
            else
            {
                await Respond.Json(c, 201, Run);
            }
        });
        using var client = TestClients.Create(server);
        try
        {
            await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("purchase_order", FlowFile.FromPath(path)));

            Assert.Equal(new[] { "first", "second" }, bodies);
            using var closed = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_after_429_with_a_non_seekable_stream_surfaces_the_429()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 429, """{"error": "rate limited"}""", retryAfter: "0"));
        using var client = TestClients.Create(server);
        using var stream = new NonSeekableStream("once"u8.ToArray());

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync("f1", OneFile(FlowFile.FromStream(stream, "i.pdf"))));

        Assert.Equal(429, (int)e.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("cannot seek", e.Message);
    }

    [Fact]
    public async Task Run_gives_up_after_MaxRetries_429s()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 429, """{"error": "rate limited"}"""));
        using var client = TestClients.Create(server, o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync("f1", OneFile(FlowFile.FromBytes(new byte[1], "i.pdf"))));

        Assert.Equal(3, server.RequestCount);
        Assert.Contains("Gave up after 3 attempts", e.Message);
    }

    [Fact]
    public async Task Run_is_re_sent_after_a_refused_connection_even_from_a_non_seekable_stream()
    {
        var received = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var parts = await MultipartParts.ReadAsync(c.Request);
            received.Enqueue(parts.Single().Text);
            await Respond.Json(c, 201, Run);
        });
        var (http, attempts) = RawSockets.RefusingFirst(1, server.BaseAddress);
        using var _ = http;
        using var client = TestClients.Create(http, server.BaseAddress);
        using var stream = new NonSeekableStream("streamed once"u8.ToArray());

        var run = await client.RunFlowAsync("f1", OneFile(FlowFile.FromStream(stream, "i.pdf")));

        Assert.Equal("r1", run.Id);
        Assert.Equal(2, attempts());
        Assert.Equal(new[] { "streamed once" }, received);
    }

    [Fact]
    public async Task Run_is_re_sent_after_a_host_name_that_did_not_resolve()
    {
        var received = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var parts = await MultipartParts.ReadAsync(c.Request);
            received.Enqueue(parts.Single().Text);
            await Respond.Json(c, 201, Run);
        });
        var (http, attempts) = RawSockets.UnresolvableFirst(1, server.BaseAddress);
        using var _ = http;
        using var client = TestClients.Create(http, server.BaseAddress);

        var run = await client.RunFlowAsync("f1", OneFile(FlowFile.FromBytes("sent once"u8.ToArray(), "i.pdf")));

        Assert.Equal("r1", run.Id);
        Assert.Equal(2, attempts());
        Assert.Equal(new[] { "sent once" }, received);
    }

    [Fact]
    public async Task Run_that_never_connected_says_the_api_did_not_receive_it()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 201, Run));
        var (http, attempts) = RawSockets.UnresolvableFirst(10, server.BaseAddress);
        using var _ = http;
        using var client = TestClients.Create(http, server.BaseAddress, o => o.MaxRetries = 1);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", OneFile(FlowFile.FromBytes(new byte[1], "i.pdf"))));

        Assert.Equal(2, attempts());
        Assert.Equal(0, server.RequestCount);
        Assert.Contains("no connection could be made", e.Message);
        Assert.DoesNotContain("may have started the run", e.Message);
    }

    [Fact]
    public void Backoff_doubles_from_RetryDelay_up_to_MaxRetryDelay_with_jitter_in_the_upper_half()
    {
        var low = new TableFlow.Http.RetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), random: () => 0.0);
        var high = new TableFlow.Http.RetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), random: () => 1.0);

        Assert.Equal(new double[] { 50, 100, 200, 400, 500, 500 }, Enumerable.Range(1, 6).Select(i => low.GetDelay(i, null)!.Value.TotalMilliseconds));
        Assert.Equal(new double[] { 100, 200, 400, 800, 1000, 1000 }, Enumerable.Range(1, 6).Select(i => high.GetDelay(i, null)!.Value.TotalMilliseconds));
        Assert.Null(low.GetDelay(11, null));
        Assert.Equal(TimeSpan.FromMilliseconds(700), low.GetDelay(1, TimeSpan.FromMilliseconds(700)));
        Assert.Null(low.GetDelay(1, TimeSpan.FromSeconds(2)));
    }
}
