using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>
/// After a failed run request, <see cref="TableFlowException.RunMayHaveStarted"/> tells a program whether to look for
/// the run before starting another: true exactly when the request may have reached the API, false when it certainly
/// did not. Every case runs over real HTTP on loopback.
/// </summary>
public sealed class RunMayHaveStartedTests
{
    private static FlowRunRequest Small() => new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[100], "i.pdf"));

    // Bigger than every buffer between the client and a server that never reads (socket buffers, Kestrel's 1 MiB).
    private static FlowRunRequest Large() => new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[48 * 1024 * 1024], "big.pdf"));

    public static TheoryData<string, bool> Answers => new()
    {
        { "400", false },
        { "401", false },
        { "404", false },
        { "413", false },
        { "429-given-up", false },
        { "429-retry-after-too-long", false },
        { "500", true },
        { "502", true },
        { "503", true },
        { "503-retry-after", true },
        { "200-not-a-run", true },
        { "201-html", true },
        { "200-empty", true },
        { "200-truncated-json", true },
        { "hang-up-after-the-body", true },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Run_request_answered_so_says_whether_the_run_may_have_started(string answer, bool mayHaveStarted)
    {
        await using var server = await LoopbackServer.StartAsync(c => answer switch
        {
            "400" => Respond.Json(c, 400, """{"error": "Invalid parameters", "message": "Required file 'po' is missing"}"""),
            "401" => Respond.Json(c, 401, """{"error": "Invalid API key"}"""),
            "404" => Respond.Json(c, 404, """{"error": "Flow not found"}"""),
            "413" => Respond.Json(c, 413, """{"error": "File too large"}"""),
            "429-given-up" => Respond.Json(c, 429, """{"error": "Too many requests"}""", retryAfter: "0"),
            "429-retry-after-too-long" => Respond.Json(c, 429, """{"error": "Too many requests"}""", retryAfter: "3600"),
            "500" or "502" or "503" => Respond.Json(c, int.Parse(answer), """{"error": "Service unavailable"}"""),
            "503-retry-after" => Respond.Json(c, 503, """{"error": "Service unavailable"}""", retryAfter: "0"),
            "200-not-a-run" => Respond.Json(c, 200, """{"ok": true}"""),
            "201-html" => Respond.Html(c, 201, "<html><body>Welcome</body></html>"),
            "200-empty" => Respond.Json(c, 200, ""),
            "200-truncated-json" => Respond.Json(c, 200, """{"id": "r1", "status": "proc"""),
            "hang-up-after-the-body" => Respond.HangUp(c),
            _ => throw new InvalidOperationException(answer),
        });
        using var client = TestClients.Create(server, o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAnyAsync<TableFlowException>(() => client.RunFlowAsync("f1", Small()));

        Assert.Equal(mayHaveStarted, e.RunMayHaveStarted);
        Assert.Equal(answer == "429-given-up" ? 3 : 1, server.Requests.Count(r => r.Method == "POST"));
        if (mayHaveStarted)
        {
            Assert.Contains("ListFlowRunsAsync", e.Message);
            Assert.Contains("correlation id in its metadata", e.Message);
        }
        else
        {
            Assert.Contains("did not start a run", e.Message);
        }
    }

    [Fact]
    public async Task Refused_connection_certainly_did_not_start_a_run()
    {
        using var client = TestClients.Create(new Uri($"http://127.0.0.1:{RawSockets.ClosedPort()}/"), o => o.MaxRetries = 1);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Small()));

        Assert.False(e.RunMayHaveStarted);
        Assert.Contains("no connection could be made", e.Message);
    }

    [Fact]
    public async Task Host_name_that_does_not_resolve_certainly_did_not_start_a_run()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        var (http, attempts) = RawSockets.UnresolvableFirst(10, server.BaseAddress);
        using var _ = http;
        using var client = TestClients.Create(http, server.BaseAddress, o => o.MaxRetries = 1);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Small()));

        Assert.False(e.RunMayHaveStarted);
        Assert.Equal(2, attempts());
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Timeout_after_the_whole_request_was_sent_may_have_started_a_run()
    {
        await using var server = await LoopbackServer.StartAsync(SlowRuns);
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMilliseconds(1500));
        await client.GetFlowRunAsync("r1"); // a warm, pooled connection: the timeout cannot strike before the body went out

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Small()));

        Assert.True(e.RunMayHaveStarted);
        Assert.Contains("The whole request had been sent: the API may have started the run", e.Message);
        Assert.Contains("TableFlowClientOptions.RequestTimeout", e.Message);
        Assert.Equal(1, server.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Timeout_during_the_upload_did_not_start_a_run_and_says_how_far_it_got()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(c => NeverReads(c, release.Task));
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMilliseconds(1500));
        await client.GetFlowRunAsync("r1"); // a warm, pooled connection: the upload starts at once

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Large()));
        release.SetResult();

        Assert.False(e.RunMayHaveStarted);
        Assert.Matches(@"The upload was cut off \([\d,]+ of [\d,]+ bytes sent\), so the API did not start a run", e.Message);
        Assert.Contains("Raise TableFlowClientOptions.RequestTimeout", e.Message);
    }

    [Fact]
    public async Task HttpClient_Timeout_cutting_an_upload_names_the_setting_to_raise()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(c => NeverReads(c, release.Task));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(1500) };
        using var client = TestClients.Create(http, server.BaseAddress);
        await client.GetFlowRunAsync("r1"); // a warm, pooled connection: the upload starts at once

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Large()));
        release.SetResult();

        Assert.False(e.RunMayHaveStarted);
        Assert.Contains("within 1.5 s (HttpClient.Timeout", e.Message);
        Assert.Contains("The upload was cut off", e.Message);
        Assert.Contains("Raise HttpClient.Timeout on the HttpClient passed to TableFlowClient, or set it to Timeout.InfiniteTimeSpan", e.Message);
        Assert.Contains("TableFlowClientOptions.RequestTimeout (30 s)", e.Message);
    }

    [Fact]
    public async Task HttpClient_Timeout_after_the_upload_may_have_started_a_run()
    {
        await using var server = await LoopbackServer.StartAsync(SlowRuns);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(1500) };
        using var client = TestClients.Create(http, server.BaseAddress);
        await client.GetFlowRunAsync("r1"); // a warm, pooled connection: the timeout cannot strike before the body went out

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Small()));

        Assert.True(e.RunMayHaveStarted);
        Assert.Contains("HttpClient.Timeout", e.Message);
        Assert.Contains("may have started", e.Message);
        Assert.Equal(1, server.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Connection_dropped_during_the_upload_did_not_start_a_run()
    {
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            // Read some of the upload, then hang up on it.
            var buffer = new byte[64 * 1024];
            await c.Request.Body.ReadAtLeastAsync(buffer, buffer.Length);
            c.Abort();
        });
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Large()));

        Assert.False(e.RunMayHaveStarted);
        Assert.Contains("while the request was being sent", e.Message);
    }

    [Fact]
    public async Task Cancellation_before_anything_was_sent_is_a_plain_OperationCanceledException()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(server);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RunFlowAsync("f1", Small(), cts.Token));

        Assert.IsNotType<TableFlowException>(e.InnerException);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_after_the_request_was_sent_is_cancellation_that_says_the_run_may_have_started()
    {
        var received = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            await Respond.Drain(c);
            received.TrySetResult();
            await Respond.Slowly(c, TimeSpan.FromSeconds(30), RunJson.Run("r1", "processing"));
        });
        using var client = TestClients.Create(server);
        using var cts = new CancellationTokenSource();

        var call = client.RunFlowAsync("f1", Small(), cts.Token);
        await received.Task;
        cts.Cancel();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cts.Token, e.CancellationToken);
        var inner = Assert.IsType<TableFlowException>(e.InnerException);
        Assert.True(inner.RunMayHaveStarted);
        Assert.Contains("ListFlowRunsAsync", e.Message);
        Secrets.AssertKeyAbsent(e);
    }

    [Fact]
    public async Task Cancellation_during_the_upload_did_not_start_a_run()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(c => NeverReads(c, release.Task));
        using var client = TestClients.Create(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RunFlowAsync("f1", Large(), cts.Token));
        release.SetResult();

        Assert.Null(e.InnerException as TableFlowException);
    }

    [Fact]
    public async Task Failures_of_reads_never_claim_a_run_may_have_started()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 503, """{"error": "Service unavailable"}"""));
        using var client = TestClients.Create(server, o => o.MaxRetries = 0);

        var read = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("r1"));
        var list = await Assert.ThrowsAsync<TableFlowApiException>(async () => { await foreach (var _ in client.ListFlowRunsAsync()) { } });

        Assert.False(read.RunMayHaveStarted);
        Assert.False(list.RunMayHaveStarted);
    }

    /// <summary>Answers reads at once and run requests (after reading them whole) only after 30 s.</summary>
    private static Task SlowRuns(HttpContext context)
        => HttpMethods.IsGet(context.Request.Method)
            ? Respond.Json(context, 200, RunJson.Run("r1", "processing"))
            : Respond.Slowly(context, TimeSpan.FromSeconds(30), RunJson.Run("r1", "processing"));

    /// <summary>Takes the request but reads none of its body until the test is done with it.</summary>
    private static async Task NeverReads(HttpContext context, Task release)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await Respond.Json(context, 200, RunJson.Run("r1", "processing"));
            return;
        }

        try
        {
            await release.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
