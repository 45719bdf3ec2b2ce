using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>A run paused in review ends a wait, unless the wait asks to go through review; and wait options are checked before any request.</summary>
public sealed class WaitReviewTests
{
    [Fact]
    public async Task A_wait_returns_a_run_in_review_and_a_second_wait_returns_it_at_once()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, RunJson.Run("r1", n == 1 ? "processing" : "review")));
        using var client = TestClients.Create(server);

        var inReview = await client.WaitForFlowRunAsync("r1");
        var again = await client.WaitForFlowRunAsync(inReview);

        Assert.Equal(FlowRunStatus.Review, inReview.Status);
        Assert.True(inReview.IsAwaitingReview);
        Assert.False(inReview.IsTerminal);
        Assert.Same(inReview, again);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ThroughReview_keeps_polling_until_the_person_has_decided()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, RunJson.Run("r1", n switch
        {
            1 => "processing",
            2 or 3 => "review",
            _ => "completed",
        })));
        using var client = TestClients.Create(server);
        var inReview = new FlowRun { Id = "r1", FlowId = "f1", Status = FlowRunStatus.Review, StatusText = "review" };

        var done = await client.WaitForFlowRunAsync(inReview, new FlowRunWaitOptions { ThroughReview = true });

        Assert.Equal(FlowRunStatus.Completed, done.Status);
        Assert.True(done.IsTerminal);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task ThroughReview_against_the_emulator_returns_when_the_review_is_resolved()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100) });
        emulator.AddFlow("reviewed", f => f.File("doc", required: true).EndsWith(RunOutcome.Review));
        using var client = emulator.CreateClient();
        var started = await client.RunFlowAsync("reviewed", new FlowRunRequest().AddFile("doc", FlowFile.FromBytes(new byte[] { 1 }, "a.pdf")));

        var paused = await client.WaitForFlowRunAsync(started);
        Assert.Equal(FlowRunStatus.Review, paused.Status);

        var readsBefore = emulator.Requests.Count(r => r.Method == "GET");
        var waiting = client.WaitForFlowRunAsync(paused, new FlowRunWaitOptions { ThroughReview = true, Timeout = TimeSpan.FromMinutes(1) });
        await WaitUntilAsync(() => emulator.Requests.Count(r => r.Method == "GET") >= readsBefore + 2); // it is polling the run in review
        Assert.False(waiting.IsCompleted);
        emulator.ResolveReview(started.Id);
        var decided = await waiting;

        Assert.Equal(FlowRunStatus.Completed, decided.Status);
        Assert.Equal(["processing", "review", "completed"], decided.StatusHistory.Select(h => h.StatusText));
    }

    [Fact]
    public async Task A_terminal_run_is_returned_without_a_request_even_through_review()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 500, "{}"));
        using var client = TestClients.Create(server);
        var failed = new FlowRun { Id = "r1", Status = FlowRunStatus.Failed, StatusText = "failed", Error = "Template not found" };

        Assert.Same(failed, await client.WaitForFlowRunAsync(failed, new FlowRunWaitOptions { ThroughReview = true }));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public void Negative_wait_settings_are_refused_naming_the_setting()
    {
        var timeout = Assert.Throws<ArgumentOutOfRangeException>(() => new FlowRunWaitOptions { Timeout = TimeSpan.FromSeconds(-1) });
        var interval = Assert.Throws<ArgumentOutOfRangeException>(() => new FlowRunWaitOptions { PollingInterval = TimeSpan.FromMilliseconds(-5) });
        var infiniteInterval = Assert.Throws<ArgumentOutOfRangeException>(() => new FlowRunWaitOptions { PollingInterval = Timeout.InfiniteTimeSpan });
        var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => new FlowRunWaitOptions { Timeout = TimeSpan.FromDays(30) });

        Assert.Contains("FlowRunWaitOptions.Timeout is -00:00:01", timeout.Message);
        Assert.Equal("Timeout", timeout.ParamName);
        Assert.Contains("FlowRunWaitOptions.PollingInterval", interval.Message);
        Assert.Contains("FlowRunWaitOptions.PollingInterval", infiniteInterval.Message);
        Assert.Contains("InfiniteTimeSpan", tooLong.Message);
    }

    [Fact]
    public void Unset_wait_settings_mean_the_client_defaults_and_infinite_is_a_valid_timeout()
    {
        var options = new FlowRunWaitOptions { Timeout = Timeout.InfiniteTimeSpan, PollingInterval = TimeSpan.Zero };

        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);
        Assert.Equal(TimeSpan.Zero, options.PollingInterval);
        Assert.Null(new FlowRunWaitOptions().Timeout);
        Assert.Null(new FlowRunWaitOptions().PollingInterval);
        Assert.False(new FlowRunWaitOptions().ThroughReview);
    }

    [Fact]
    public async Task A_bad_run_id_is_refused_before_any_request()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "completed")));
        using var client = TestClients.Create(server);

        var byId = await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForFlowRunAsync("r/1", new FlowRunWaitOptions()));
        var byRun = await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForFlowRunAsync(new FlowRun { Id = "", Status = FlowRunStatus.Processing }, new FlowRunWaitOptions()));

        Assert.Equal("runId", byId.ParamName);
        Assert.Equal("run", byRun.ParamName);
        Assert.Equal(0, server.RequestCount);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(20, limit.Token);
    }
}
