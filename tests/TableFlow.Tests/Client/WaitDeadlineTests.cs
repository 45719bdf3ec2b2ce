using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>
/// A wait's timeout holds whatever the server does: a read that hangs, or a 503 that asks to come back in an hour, is
/// cut off when the time is up. The bounds are generous (a 1 s timeout must end well within 10 s), so they do not flake.
/// </summary>
public sealed class WaitDeadlineTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    /// <summary>Reads the request, then never answers (until the client gives up and the request is aborted).</summary>
    private static async Task Hang(HttpContext context)
    {
        await Respond.Drain(context);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_the_wait_with_a_timeout_at_the_wait_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(Hang);
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMinutes(10));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.True(clock.Elapsed < Generous, $"a 1 s wait took {clock.Elapsed}");
        Assert.Null(e.LastRun);
        Assert.Equal("r1", e.RunId);
        Assert.Contains("Flow run 'r1' could not be read within the wait's 1 s", e.Message);
    }

    [Fact]
    public async Task A_read_that_hangs_after_a_processing_answer_keeps_that_run_as_the_last_one()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 200, RunJson.Run("r1", "processing")) : Hang(c));
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMinutes(10));
        var clock = Stopwatch.StartNew();

        // 3 s leaves the first read time to succeed even on a cold, busy machine.
        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Timeout = TimeSpan.FromSeconds(3) }));

        Assert.True(clock.Elapsed < Generous + Generous, $"a 3 s wait took {clock.Elapsed}");
        Assert.Equal(FlowRunStatus.Processing, e.LastRun?.Status);
        Assert.Equal("r1", e.LastRun?.Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Waiting_on_a_returned_run_against_a_hanging_server_times_out_with_that_run()
    {
        await using var server = await LoopbackServer.StartAsync(Hang);
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMinutes(10));
        var started = new FlowRun { Id = "r1", FlowId = "f1", Status = FlowRunStatus.Processing, StatusText = "processing" };

        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => client.WaitForFlowRunAsync(started, new FlowRunWaitOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.Same(started, e.LastRun);
        Assert.Contains("was still 'processing'", e.Message);
    }

    [Theory]
    [InlineData(30)]   // the client gives up on a Retry-After over MaxRetryDelay at once; the wait then honours it
    [InlineData(7200)] // the read itself would sleep the hour before retrying; the deadline cuts that sleep
    public async Task A_503_asking_to_come_back_in_an_hour_ends_the_wait_at_its_timeout(int maxRetryDelaySeconds)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 503, """{"error": "Service Unavailable"}""", retryAfter: "3600"));
        using var client = TestClients.Create(server, o => o.MaxRetryDelay = TimeSpan.FromSeconds(maxRetryDelaySeconds));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.True(clock.Elapsed < Generous, $"a 1 s wait took {clock.Elapsed}");
        Assert.Equal(1, server.RequestCount); // it waited as asked instead of hammering the API
        Assert.Null(e.LastRun);
        if (maxRetryDelaySeconds == 30)
        {
            Assert.Equal(503, (int)Assert.IsType<TableFlowApiException>(e.InnerException).StatusCode);
            Assert.Contains("the API last answered 503 and asked to be called again in 3600 s", e.Message);
        }
    }

    [Fact]
    public async Task Busy_answers_with_Retry_After_do_not_end_the_wait()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n switch
        {
            1 => Respond.Json(c, 429, """{"error": "Too Many Requests"}""", retryAfter: "0"),
            2 => Respond.Json(c, 503, """{"error": "Service Unavailable"}""", retryAfter: "0"),
            3 => Respond.Json(c, 200, RunJson.Run("r1", "processing")),
            _ => Respond.Json(c, 200, RunJson.Run("r1", "completed")),
        });
        using var client = TestClients.Create(server, o => o.MaxRetries = 0);

        var run = await client.WaitForFlowRunAsync("r1");

        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task Cancelling_while_a_read_hangs_ends_the_wait_promptly_as_cancelled_not_timed_out()
    {
        await using var server = await LoopbackServer.StartAsync(Hang);
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMinutes(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Timeout = TimeSpan.FromMinutes(10) }, cts.Token));

        Assert.True(clock.Elapsed < Generous, $"cancelling took {clock.Elapsed}");
        Assert.Equal(cts.Token, e.CancellationToken);
    }

    [Fact]
    public async Task Cancelling_with_an_infinite_timeout_ends_the_wait()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Timeout = Timeout.InfiniteTimeSpan }, cts.Token));

        Assert.True(server.RequestCount >= 1);
    }
}
