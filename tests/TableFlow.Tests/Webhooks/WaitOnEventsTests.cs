using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Webhooks;

/// <summary>
/// With a <see cref="TableFlowEventHub"/> as <see cref="TableFlowClientOptions.Events"/>, WaitForFlowRunAsync ends on the
/// run's event instead of its next read, and reads only as a fallback. The server is real (Kestrel on loopback); the
/// events are verified webhooks published to the hub as the endpoint publishes them. Polling intervals of a minute show
/// that the event, not a read, ended a wait; bounds on elapsed time are generous (seconds for what takes milliseconds).
/// </summary>
public sealed class WaitOnEventsTests
{
    private const string RunId = "Wp7kRnT2mX4vQ9bL"; // the documented run's id
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AMinute = TimeSpan.FromMinutes(1);

    private readonly TableFlowWebhook _webhook = new(TableFlowWebhook.CreateSecret());
    private readonly TableFlowEventHub _hub = new();

    [Fact]
    public async Task A_wait_polling_every_minute_ends_as_soon_as_the_runs_event_is_published_and_returns_the_pushed_run()
    {
        await using var server = await LoopbackServer.StartAsync(Processing);
        using var client = Client(server, o => o.PollingInterval = AMinute);

        var wait = client.WaitForFlowRunAsync(RunId);
        await Eventually(() => server.RequestCount == 1);
        var clock = Stopwatch.StartNew();
        _hub.Publish(Event("flow.run.completed", RunJson.DocumentedGetFlowRun));
        var run = await wait.WaitAsync(Generous);

        Assert.True(clock.Elapsed < Generous, $"the wait ended {clock.Elapsed} after the event");
        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal("PO to Invoice Reconciliation", run.Flow!.Name);
        Assert.Equal("1ABC123DEF456", run.DriveFiles["reconciliation"].FileId);
        Assert.Equal(1, server.RequestCount); // the pushed run is the whole run: no read after the event
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public async Task A_failed_runs_event_ends_the_wait_with_the_failed_run_returned_not_thrown()
    {
        await using var server = await LoopbackServer.StartAsync(Processing);
        using var client = Client(server, o => o.PollingInterval = AMinute);

        var wait = client.WaitForFlowRunAsync(RunId);
        await Eventually(() => server.RequestCount == 1);
        _hub.Publish(Event("flow.run.failed", FullRun(RunId, "failed", "Extraction step 'Extract Invoice' failed: Template not found")));
        var run = await wait.WaitAsync(Generous);

        Assert.Equal(FlowRunStatus.Failed, run.Status);
        Assert.Equal("Extraction step 'Extract Invoice' failed: Template not found", run.Error);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_event_published_while_the_first_read_is_under_way_is_not_lost()
    {
        // The event arrives before the first read's answer: the wait subscribed before it read, so it keeps the event.
        await using var server = await LoopbackServer.StartAsync((c, n) =>
        {
            _hub.Publish(Event("flow.run.completed", RunJson.DocumentedGetFlowRun));
            return Respond.Json(c, 200, RunJson.Run(RunId, "processing"));
        });
        using var client = Client(server, o => o.PollingInterval = AMinute);

        var run = await client.WaitForFlowRunAsync(RunId).WaitAsync(Generous);

        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_event_that_does_not_carry_the_whole_run_is_followed_by_one_read_whose_run_is_returned()
    {
        // The API documents the flow-run events' payload only as "flow metadata and execution details"; a run without
        // the flow summary a read gives is not returned as it is.
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Processing(c) : Respond.Json(c, 200, RunJson.DocumentedGetFlowRun));
        using var client = Client(server, o => o.PollingInterval = AMinute);

        var wait = client.WaitForFlowRunAsync(RunId);
        await Eventually(() => server.RequestCount == 1);
        _hub.Publish(Event("flow.run.completed", $$"""{"id": "{{RunId}}", "status": "completed"}"""));
        var run = await wait.WaitAsync(Generous);

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal("PO to Invoice Reconciliation", run.Flow!.Name);
    }

    [Fact]
    public async Task Events_of_other_runs_and_other_kinds_leave_the_wait_waiting()
    {
        await using var server = await LoopbackServer.StartAsync(Processing);
        using var client = Client(server, o => o.PollingInterval = AMinute);

        var wait = client.WaitForFlowRunAsync(RunId);
        await Eventually(() => server.RequestCount == 1);
        _hub.Publish(Event("flow.run.completed", FullRun("another", "completed")));
        _hub.Publish(Event("extraction.completed", """{"extraction_id": "e1", "status": "completed"}"""));
        _hub.Publish(Event("flow.run.completed", """{"status": "completed"}"""));
        await Task.Delay(200);

        Assert.False(wait.IsCompleted);
        Assert.Equal(1, server.RequestCount);
        _hub.Publish(Event("flow.run.completed", RunJson.DocumentedGetFlowRun));
        Assert.Equal(RunId, (await wait.WaitAsync(Generous)).Id);
    }

    [Fact]
    public async Task Two_waits_on_the_same_run_both_end_on_its_one_event()
    {
        await using var server = await LoopbackServer.StartAsync(Processing);
        using var client = Client(server, o => o.PollingInterval = AMinute);

        var first = client.WaitForFlowRunAsync(RunId);
        var second = client.WaitForFlowRunAsync(new FlowRun { Id = RunId, Status = FlowRunStatus.Processing, StatusText = "processing" });
        await Eventually(() => server.RequestCount == 2);
        Assert.Equal(2, _hub.SubscriberCount);
        _hub.Publish(Event("flow.run.completed", RunJson.DocumentedGetFlowRun));
        var runs = await Task.WhenAll(first, second).WaitAsync(Generous);

        Assert.All(runs, r => Assert.Equal(FlowRunStatus.Completed, r.Status));
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public async Task ThroughReview_waits_through_review_and_ends_on_the_event_sent_when_the_person_has_decided()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run(RunId, "review")));
        using var client = Client(server, o => o.PollingInterval = AMinute);

        var wait = client.WaitForFlowRunAsync(RunId, new FlowRunWaitOptions { ThroughReview = true });
        await Eventually(() => server.RequestCount == 1);
        await Task.Delay(100);
        Assert.False(wait.IsCompleted);
        _hub.Publish(Event("flow.run.completed", RunJson.DocumentedGetFlowRun));

        Assert.Equal(FlowRunStatus.Completed, (await wait.WaitAsync(Generous)).Status);
    }

    [Fact]
    public async Task While_webhooks_are_delivered_to_the_hub_reads_come_only_at_the_fallback_interval()
    {
        _hub.MarkAsReceivingWebhooks();
        await using var server = await LoopbackServer.StartAsync(Processing);
        using var client = Client(server, o => o.FallbackPollingInterval = AMinute); // PollingInterval is 10 ms

        var wait = client.WaitForFlowRunAsync(RunId);
        await Eventually(() => server.RequestCount == 1);
        await Task.Delay(300); // thirty polling intervals

        Assert.Equal(1, server.RequestCount);
        _hub.Publish(Event("flow.run.completed", RunJson.DocumentedGetFlowRun));
        Assert.Equal(FlowRunStatus.Completed, (await wait.WaitAsync(Generous)).Status);
    }

    [Fact]
    public async Task A_hub_that_no_webhook_reaches_leaves_the_wait_polling_at_its_usual_interval()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n < 4 ? Processing(c) : Respond.Json(c, 200, RunJson.Run(RunId, "completed")));
        using var client = Client(server, o => o.FallbackPollingInterval = AMinute); // PollingInterval is 10 ms

        var run = await client.WaitForFlowRunAsync(RunId).WaitAsync(Generous);

        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal(4, server.RequestCount);
    }

    [Theory]
    [InlineData("completed", FlowRunStatus.Completed)]
    [InlineData("review", FlowRunStatus.Review)] // a run paused for a person sends no event
    public async Task Without_an_event_the_fallback_read_still_ends_the_wait(string status, FlowRunStatus expected)
    {
        _hub.MarkAsReceivingWebhooks();
        var reads = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var server = await LoopbackServer.StartAsync((c, n) =>
        {
            lock (reads) reads.Add(clock.Elapsed);
            return Respond.Json(c, 200, RunJson.Run(RunId, n == 1 ? "processing" : status));
        });
        using var client = Client(server, o => o.FallbackPollingInterval = TimeSpan.FromMilliseconds(300));

        var run = await client.WaitForFlowRunAsync(RunId).WaitAsync(Generous);

        Assert.Equal(expected, run.Status);
        Assert.Equal(2, reads.Count);
        Assert.True(reads[1] - reads[0] >= TimeSpan.FromMilliseconds(250), $"the fallback read came {reads[1] - reads[0]} after the first");
    }

    [Fact]
    public async Task The_timeout_holds_while_the_wait_listens_for_the_event()
    {
        _hub.MarkAsReceivingWebhooks();
        await using var server = await LoopbackServer.StartAsync(Processing);
        using var client = Client(server, o => o.PollingInterval = AMinute);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => client.WaitForFlowRunAsync(RunId, new FlowRunWaitOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.True(clock.Elapsed < Generous, $"a 300 ms wait took {clock.Elapsed}");
        Assert.Equal(FlowRunStatus.Processing, e.LastRun!.Status);
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public async Task Cancelling_a_wait_that_listens_for_the_event_ends_it_with_the_callers_token()
    {
        await using var server = await LoopbackServer.StartAsync(Processing);
        using var client = Client(server, o => o.PollingInterval = AMinute);
        using var cts = new CancellationTokenSource();

        var wait = client.WaitForFlowRunAsync(RunId, cts.Token);
        await Eventually(() => server.RequestCount == 1);
        cts.Cancel();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Generous));

        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public async Task Every_wait_unsubscribes_however_it_ends_so_many_waits_leave_no_subscription_behind()
    {
        const int Each = 25;
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            // Runs named done-… are over at the first read; the others keep processing.
            var id = c.Request.Path.Value!.Split('/').Last();
            return Respond.Json(c, 200, RunJson.Run(id, id.StartsWith("done-", StringComparison.Ordinal) ? "completed" : "processing"));
        });
        using var client = Client(server, o => o.PollingInterval = AMinute);
        using var cts = new CancellationTokenSource();

        var byEvent = Enumerable.Range(0, Each).Select(i => client.WaitForFlowRunAsync("event-" + i)).ToArray();
        var byRead = Enumerable.Range(0, Each).Select(i => client.WaitForFlowRunAsync("done-" + i)).ToArray();
        var cancelled = Enumerable.Range(0, Each).Select(i => client.WaitForFlowRunAsync("cancel-" + i, cts.Token)).ToArray();
        var timedOut = Enumerable.Range(0, Each).Select(i => client.WaitForFlowRunAsync("late-" + i, new FlowRunWaitOptions { Timeout = TimeSpan.FromSeconds(1) })).ToArray();
        await Task.WhenAll(byRead).WaitAsync(Generous);
        await Eventually(() => server.RequestCount == 4 * Each);

        Assert.InRange(_hub.SubscriberCount, 2 * Each, 3 * Each); // one per wait still going (the timed ones may have ended)
        for (var i = 0; i < Each; i++) _hub.Publish(Event("flow.run.completed", FullRun("event-" + i, "completed")));
        cts.Cancel();
        await Task.WhenAll(byEvent).WaitAsync(Generous);
        foreach (var wait in cancelled) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        foreach (var wait in timedOut) await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(() => wait.WaitAsync(Generous));

        Assert.Equal(0, _hub.SubscriberCount);
        Assert.Equal(4 * Each, server.RequestCount);
    }

    [Fact]
    public void A_negative_fallback_interval_is_refused_when_the_client_is_made()
    {
        var e = Assert.Throws<ArgumentException>(() => new TableFlowClient(new TableFlowClientOptions { ApiKey = "k", FallbackPollingInterval = TimeSpan.FromSeconds(-1) }));

        Assert.Contains("FallbackPollingInterval", e.Message);
    }

    private static Task Processing(HttpContext context) => Respond.Json(context, 200, RunJson.Run(RunId, "processing"));

    /// <summary>A run as a read answers it (flow summary included), with the given id, status and error.</summary>
    private static string FullRun(string id, string status, string? error = null)
        => RunJson.DocumentedGetFlowRun
            .Replace("\"id\": \"Wp7kRnT2mX4vQ9bL\"", $"\"id\": \"{id}\"")
            .Replace("\"status\": \"completed\",", $"\"status\": \"{status}\",")
            .Replace("\"error\": null", error is null ? "\"error\": null" : $"\"error\": \"{error}\"");

    private TableFlowClient Client(LoopbackServer server, Action<TableFlowClientOptions> configure)
        => TestClients.Create(server, o =>
        {
            o.Events = _hub;
            configure(o);
        });

    /// <summary>A verified event, as MapTableFlowWebhooks publishes it.</summary>
    private TableFlowEvent Event(string type, string data)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"event": "{{type}}", "data": {{data}}}""");
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        return _webhook.Verify(body, id, now.ToUnixTimeSeconds().ToString(), _webhook.Sign(id, now, body));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Generous, "The condition did not become true in time.");
            await Task.Delay(10);
        }
    }
}
