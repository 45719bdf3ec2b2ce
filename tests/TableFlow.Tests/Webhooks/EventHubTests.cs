using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Webhooks;

public sealed class EventHubTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TableFlowWebhook _webhook = new(TableFlowWebhook.CreateSecret(), new FixedClock(Now));
    private readonly TableFlowEventHub _hub = new();

    [Fact]
    public async Task A_wait_for_a_run_ends_with_that_runs_event_and_ignores_other_runs()
    {
        var wait = _hub.WaitForFlowRunEventAsync("r2");

        _hub.Publish(Event("flow.run.completed", RunJson.Run("r1", "completed")));
        Assert.False(wait.IsCompleted);
        _hub.Publish(Event("flow.run.failed", RunJson.Run("r2", "failed", "boom")));

        var run = await wait;
        Assert.Equal(FlowRunStatus.Failed, run.Status);
        Assert.Equal("boom", run.Error);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_as_cancelled_and_stops_listening()
    {
        using var cts = new CancellationTokenSource();
        var wait = _hub.WaitForFlowRunEventAsync("r1", cts.Token);

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        _hub.Publish(Event("flow.run.completed", RunJson.Run("r1", "completed")));
    }

    [Fact]
    public void Subscribers_see_every_event_until_they_unsubscribe_and_one_failing_subscriber_does_not_starve_the_others()
    {
        var seen = new List<string>();
        using (_hub.Subscribe(_ => throw new InvalidOperationException("subscriber bug")))
        using (_hub.Subscribe(e => seen.Add(e.Type)))
        {
            var e = Assert.Throws<TableFlowException>(() => _hub.Publish(Event("extraction.created", "{}")));
            Assert.Contains("subscriber bug", e.Message);
        }

        _hub.Publish(Event("extraction.completed", "{}"));

        Assert.Equal(new[] { "extraction.created" }, seen);
    }

    private TableFlowEvent Event(string type, string data)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"event": "{{type}}", "data": {{data}}}""");
        var id = "msg_" + Guid.NewGuid().ToString("N");
        return _webhook.Verify(body, id, Now.ToUnixTimeSeconds().ToString(), _webhook.Sign(id, Now, body));
    }
}
