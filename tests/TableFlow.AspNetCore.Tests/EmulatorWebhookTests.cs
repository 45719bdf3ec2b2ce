using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using TableFlow.AspNetCore;
using TableFlow.Testing;

namespace TableFlow.AspNetCore.Tests;

/// <summary>The whole offline loop: the emulator runs a flow, signs the run's end as TableFlow would, and an app's MapTableFlowWebhooks endpoint receives it.</summary>
public sealed class EmulatorWebhookTests
{
    private const string Path = "/webhooks/tableflow";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<TableFlowEvent> _received = new();
    private readonly TaskCompletionSource<TableFlowEvent> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task A_completed_run_reaches_the_apps_handler_as_a_verified_flow_run_completed_event()
    {
        var secret = TableFlowWebhook.CreateSecret();
        await using var app = await StartAppAsync(secret);
        await using var emulator = await StartEmulatorAsync(app, secret);
        using var client = emulator.CreateClient();

        var started = await RunAsync(client, metadata: "PO-123");
        var evt = await _first.Task.WaitAsync(Patience);

        Assert.Equal("flow.run.completed", evt.Type);
        Assert.StartsWith("msg_", evt.Id);
        var run = evt.FlowRun!;
        Assert.Equal(started.Id, run.Id);
        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal("PO-123", run.Metadata!["po"]!.GetValue<string>());
        Assert.Equal("Flow completed successfully", run.StatusHistory[^1].Message);
        Assert.NotNull(run.EndTime);
        Assert.Equal("Purchase orders", run.Flow!.Name);

        // What the event carried is what the API answers for the run.
        var fetched = await client.GetFlowRunAsync(started.Id);
        Assert.Equal(fetched.EndTime, run.EndTime);
        Assert.Equal(fetched.Duration, run.Duration);
        await Eventually(() => emulator.Webhooks.Deliveries.Count > 0); // recorded when the answer is back, after the handler ran
        var delivery = Assert.Single(emulator.Webhooks.Deliveries);
        Assert.True(delivery.Succeeded);
        Assert.Equal(204, delivery.StatusCode);
        Assert.Equal(evt.Id, delivery.MessageId);
    }

    [Fact]
    public async Task A_failed_run_is_a_flow_run_failed_event_with_the_error()
    {
        var secret = TableFlowWebhook.CreateSecret();
        await using var app = await StartAppAsync(secret);
        await using var emulator = await StartEmulatorAsync(app, secret, f => f.EndsWith(RunOutcome.Failed("Extraction step 'Extract Invoice' failed: Template not found")));
        using var client = emulator.CreateClient();

        await RunAsync(client);
        var evt = await _first.Task.WaitAsync(Patience);

        Assert.Equal("flow.run.failed", evt.Type);
        Assert.Equal(FlowRunStatus.Failed, evt.FlowRun!.Status);
        Assert.Equal("Extraction step 'Extract Invoice' failed: Template not found", evt.FlowRun.Error);
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_with_the_same_message_id_and_handled_once()
    {
        var secret = TableFlowWebhook.CreateSecret();
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = secret }, (evt, ct) =>
        {
            if (Interlocked.Increment(ref calls) <= 2) throw new InvalidOperationException("not ready yet");
            _received.Enqueue(evt);
            _first.TrySetResult(evt);
            return Task.CompletedTask;
        }));
        await using var emulator = await StartEmulatorAsync(app, secret);
        using var client = emulator.CreateClient();

        await RunAsync(client);
        var evt = await _first.Task.WaitAsync(Patience);

        await Eventually(() => emulator.Webhooks.Deliveries.Count >= 3);
        var deliveries = emulator.Webhooks.Deliveries;
        Assert.Equal([500, 500, 204], deliveries.Select(d => d.StatusCode));
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Attempt));
        Assert.All(deliveries, d => Assert.Equal(evt.Id, d.MessageId));
        Assert.Single(_received);
    }

    [Fact]
    public async Task A_message_signed_with_another_secret_is_refused_by_the_app_and_retried_until_the_schedule_ends()
    {
        await using var app = await StartAppAsync(TableFlowWebhook.CreateSecret());
        var options = EmulatorOptions(app, TableFlowWebhook.CreateSecret());
        await using var emulator = await TableFlowEmulator.StartAsync(options);
        emulator.AddFlow("po", f => f.File("doc", required: true).ProcessingTime(TimeSpan.Zero));
        using var client = emulator.CreateClient();

        await RunAsync(client);
        await Eventually(() => emulator.Webhooks.Deliveries.Count >= 3);

        Assert.Equal([400, 400, 400], emulator.Webhooks.Deliveries.Select(d => d.StatusCode));
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_run_in_review_sends_nothing_until_a_person_resolves_it()
    {
        var secret = TableFlowWebhook.CreateSecret();
        await using var app = await StartAppAsync(secret);
        await using var emulator = await StartEmulatorAsync(app, secret, f => f.EndsWith(RunOutcome.Review));
        using var client = emulator.CreateClient();

        var started = await RunAsync(client);
        await Eventually(() => emulator.FindRun(started.Id)!.Status == FlowRunStatus.Review);
        await Task.Delay(200); // ten of the sender's checks
        Assert.Empty(emulator.Webhooks.Deliveries);

        emulator.ResolveReview(started.Id);
        var evt = await _first.Task.WaitAsync(Patience);

        Assert.Equal("flow.run.completed", evt.Type);
        Assert.Equal(started.Id, evt.FlowRun!.Id);
    }

    [Fact]
    public async Task Without_webhook_urls_nothing_is_sent_and_a_secret_is_still_made()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();

        Assert.Empty(emulator.Webhooks.Urls);
        Assert.StartsWith("whsec_", emulator.Webhooks.Secret);
    }

    [Fact]
    public async Task A_bad_webhook_url_or_secret_fails_the_emulators_start()
    {
        var relative = new TableFlowEmulatorOptions();
        relative.Webhooks.Urls.Add(new Uri("/hook", UriKind.Relative));
        var badSecret = new TableFlowEmulatorOptions { Webhooks = { Secret = "whsec_!!" } };

        Assert.Contains("/hook", (await Assert.ThrowsAsync<ArgumentException>(() => TableFlowEmulator.StartAsync(relative))).Message);
        Assert.Contains("webhook secret", (await Assert.ThrowsAsync<ArgumentException>(() => TableFlowEmulator.StartAsync(badSecret))).Message);
    }

    [Fact]
    public async Task A_url_added_after_the_start_receives_the_runs_that_end_from_then_on()
    {
        var secret = TableFlowWebhook.CreateSecret();
        await using var app = await StartAppAsync(secret);
        var options = EmulatorOptions(app, secret);
        options.Webhooks.Urls.Clear();
        await using var emulator = await TableFlowEmulator.StartAsync(options);
        emulator.AddFlow("po", f => f.Name("Purchase orders").File("doc", required: true));
        using var client = emulator.CreateClient();
        Assert.Empty(emulator.Webhooks.Urls);

        emulator.Webhooks.AddUrl(new Uri(app.BaseAddress, Path));
        var started = await RunAsync(client);
        var evt = await _first.Task.WaitAsync(Patience);

        Assert.Equal("flow.run.completed", evt.Type);
        Assert.Equal(started.Id, evt.FlowRun!.Id);
        Assert.Equal([new Uri(app.BaseAddress, Path)], emulator.Webhooks.Urls);
        Assert.Contains("/hook", Assert.Throws<ArgumentException>(() => emulator.Webhooks.AddUrl(new Uri("/hook", UriKind.Relative))).Message);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(20);
        }
    }

    private Task<WebhookApp> StartAppAsync(string secret)
        => WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = secret }, (evt, ct) =>
        {
            _received.Enqueue(evt);
            _first.TrySetResult(evt);
            return Task.CompletedTask;
        }));

    private static TableFlowEmulatorOptions EmulatorOptions(WebhookApp app, string secret)
    {
        var options = new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100) };
        options.Webhooks.Urls.Add(new Uri(app.BaseAddress, Path));
        options.Webhooks.Secret = secret;
        options.Webhooks.RetrySchedule.Clear();
        options.Webhooks.RetrySchedule.Add(TimeSpan.FromMilliseconds(50));
        options.Webhooks.RetrySchedule.Add(TimeSpan.FromMilliseconds(50));
        return options;
    }

    private static async Task<TableFlowEmulator> StartEmulatorAsync(WebhookApp app, string secret, Action<EmulatedFlowBuilder>? configure = null)
    {
        var emulator = await TableFlowEmulator.StartAsync(EmulatorOptions(app, secret));
        emulator.AddFlow("po", f =>
        {
            f.Name("Purchase orders").File("doc", required: true);
            configure?.Invoke(f);
        });
        return emulator;
    }

    private static Task<FlowRun> RunAsync(TableFlowClient client, string? metadata = null)
    {
        var request = new FlowRunRequest().AddFile("doc", FlowFile.FromBytes(new byte[] { 1 }, "po.pdf"));
        if (metadata is not null) request.Metadata = new System.Text.Json.Nodes.JsonObject { ["po"] = metadata };
        return client.RunFlowAsync("po", request);
    }
}
