using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>WaitForFlowRunAsync polls through processing (and statuses it does not know) to an outcome.</summary>
public sealed class WaitTests
{
    /// <summary>Answers "processing" for the first <paramref name="processingPolls"/> reads, then <paramref name="final"/>.</summary>
    private static Func<HttpContext, int, Task> Progress(int processingPolls, string final, string? error = null, string? retryAfter = null)
        => (c, n) => n <= processingPolls
            ? Respond.Json(c, 200, RunJson.Run("r1", "processing"), retryAfter)
            : Respond.Json(c, 200, RunJson.Run("r1", final, error));

    [Theory]
    [InlineData("completed", FlowRunStatus.Completed)]
    [InlineData("failed", FlowRunStatus.Failed)]
    [InlineData("review", FlowRunStatus.Review)]
    public async Task Polls_through_processing_and_returns_the_outcome(string final, FlowRunStatus expected)
    {
        await using var server = await LoopbackServer.StartAsync(Progress(2, final, final == "failed" ? "Template not found" : null));
        using var client = TestClients.Create(server);

        var run = await client.WaitForFlowRunAsync("r1");

        Assert.Equal(expected, run.Status);
        Assert.Equal(3, server.RequestCount);
        Assert.All(server.Requests, r => Assert.Equal("/v2/flows/runs/r1", r.Path));
        if (final == "failed") Assert.Equal("Template not found", run.Error);
    }

    [Fact]
    public async Task Keeps_polling_through_a_status_it_does_not_know()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, RunJson.Run("r1", n < 3 ? "queued_for_gpu" : "completed")));
        using var client = TestClients.Create(server);

        var run = await client.WaitForFlowRunAsync("r1");

        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Waits_the_polling_interval_between_reads()
    {
        await using var server = await LoopbackServer.StartAsync(Progress(2, "completed"));
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await client.WaitForFlowRunAsync("r1");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(580), $"two intervals of 300 ms took {clock.Elapsed}");
    }

    [Fact]
    public async Task Retry_After_on_a_read_replaces_a_long_polling_interval()
    {
        await using var server = await LoopbackServer.StartAsync(Progress(1, "completed", retryAfter: "0"));
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMinutes(5));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var run = await client.WaitForFlowRunAsync("r1", guard.Token);

        Assert.Equal(FlowRunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Retry_After_on_a_read_stretches_a_short_polling_interval()
    {
        await using var server = await LoopbackServer.StartAsync(Progress(1, "completed", retryAfter: "1"));
        using var client = TestClients.Create(server);
        var clock = Stopwatch.StartNew();

        await client.WaitForFlowRunAsync("r1");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"polled again after {clock.Elapsed}; the API asked for 1 s");
    }

    [Fact]
    public async Task Cancellation_stops_the_wait()
    {
        using var cts = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync((c, n) =>
        {
            if (n == 3) cts.Cancel(); // the caller gives up while the run is still processing
            return Respond.Json(c, 200, RunJson.Run("r1", "processing"));
        });
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForFlowRunAsync("r1", cts.Token));
        await Task.Delay(100);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Wait_timeout_from_the_options_names_the_run_and_its_last_status()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(server, o =>
        {
            o.PollingInterval = TimeSpan.FromMilliseconds(50);
            o.WaitTimeout = TimeSpan.FromSeconds(2); // long enough for a first read on a cold, busy machine
        });

        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => client.WaitForFlowRunAsync("r1"));

        Assert.Contains("Flow run 'r1' was still 'processing' after waiting 2 s", e.Message);
        Assert.Contains("WaitTimeout", e.Message);
        Assert.Equal("r1", e.RunId);
        Assert.Equal(FlowRunStatus.Processing, e.LastRun?.Status);
        Assert.IsAssignableFrom<TableFlowException>(e);
    }

    [Fact]
    public async Task Wait_options_timeout_overrides_the_client_one()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(server, o => o.WaitTimeout = TimeSpan.FromMinutes(10));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Timeout = TimeSpan.FromMilliseconds(500) }));

        Assert.Contains("500 ms", e.Message);
        Assert.Contains("FlowRunWaitOptions.Timeout", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the wait took {clock.Elapsed}");
    }

    [Fact]
    public async Task Wait_options_polling_interval_overrides_the_client_one()
    {
        await using var server = await LoopbackServer.StartAsync(Progress(2, "completed"));
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMinutes(10));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var run = await client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { PollingInterval = TimeSpan.FromMilliseconds(20) }, guard.Token);

        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_run_that_is_already_finished_is_returned_without_a_request()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "completed")));
        using var client = TestClients.Create(server);
        var finished = await client.GetFlowRunAsync("r1");

        var same = await client.WaitForFlowRunAsync(finished);

        Assert.Same(finished, same);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_returned_run_that_is_processing_is_followed_to_its_end()
    {
        await using var server = await LoopbackServer.StartAsync(async (c, n) =>
        {
            if (c.Request.Method == "POST") await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
            else await Respond.Json(c, 200, RunJson.Run("r1", n < 3 ? "processing" : "completed"));
        });
        using var client = TestClients.Create(server);

        var started = await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[3], "i.pdf")));
        var done = await client.WaitForFlowRunAsync(started);

        Assert.Equal(FlowRunStatus.Processing, started.Status);
        Assert.Equal(FlowRunStatus.Completed, done.Status);
    }

    [Fact]
    public async Task Transient_errors_while_polling_are_retried_and_final_ones_surface()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n switch
        {
            1 => Respond.Json(c, 200, RunJson.Run("r1", "processing")),
            2 => Respond.Json(c, 503, """{"error": "unavailable"}"""),
            3 => Respond.Json(c, 200, RunJson.Run("r1", "processing")),
            _ => Respond.Json(c, 404, """{"error": "Flow run not found"}"""),
        });
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.WaitForFlowRunAsync("r1"));

        Assert.Equal(404, (int)e.StatusCode);
        Assert.Equal(4, server.RequestCount);
    }
}
