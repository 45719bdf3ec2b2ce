using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TableFlow.AspNetCore;
using TableFlow.Testing;

namespace TableFlow.AspNetCore.Tests;

/// <summary>
/// The whole loop with waits fed by webhooks: the emulator ends a run and signs its webhook, the app's
/// MapTableFlowWebhooks endpoint (Kestrel on loopback) verifies it and publishes it to the hub, and the client's
/// WaitForFlowRunAsync, polling only every minute, ends on it. The emulator's clock is the test's, so the run ends only
/// after the wait's first read has seen it processing.
/// </summary>
public sealed class WaitOnWebhookTests
{
    private const string Path = "/webhooks/tableflow";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AMinute = TimeSpan.FromMinutes(1);
    private readonly StepClock _clock = new();

    [Fact]
    public async Task A_wait_polling_every_minute_ends_on_the_runs_signed_webhook_through_the_apps_endpoint()
    {
        var secret = TableFlowWebhook.CreateSecret();
        var hub = new TableFlowEventHub();
        var handled = 0;
        await using var app = await WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = secret, Events = hub }, (evt, ct) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        }));
        await using var emulator = await StartEmulatorAsync(new Uri(app.BaseAddress, Path), secret);
        using var client = emulator.CreateClient(new TableFlowClientOptions { Events = hub, PollingInterval = AMinute });

        var (run, elapsed) = await RunAndWaitAsync(emulator, client);

        Assert.True(hub.ReceivesWebhooks);
        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal("Purchase orders", run.Flow!.Name); // the run the webhook carried, whole
        Assert.True(elapsed < Patience, $"the wait took {elapsed} after the run ended");
        Assert.Equal(1, Volatile.Read(ref handled));
        Assert.Equal(1, Reads(emulator, run.Id)); // the first read; the event ended the wait, no poll did
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task A_failed_run_ends_the_wait_with_its_error_from_the_webhook()
    {
        var secret = TableFlowWebhook.CreateSecret();
        var hub = new TableFlowEventHub();
        await using var app = await WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = secret, Events = hub }, (evt, ct) => Task.CompletedTask));
        await using var emulator = await StartEmulatorAsync(new Uri(app.BaseAddress, Path), secret, RunOutcome.Failed("Extraction step 'Extract Invoice' failed: Template not found"));
        using var client = emulator.CreateClient(new TableFlowClientOptions { Events = hub, PollingInterval = AMinute });

        var (run, _) = await RunAndWaitAsync(emulator, client);

        Assert.Equal(FlowRunStatus.Failed, run.Status);
        Assert.Equal("Extraction step 'Extract Invoice' failed: Template not found", run.Error);
        Assert.Equal(1, Reads(emulator, run.Id));
    }

    [Fact]
    public async Task With_AddTableFlow_and_MapTableFlowWebhooks_in_one_host_waits_end_on_webhooks_without_wiring()
    {
        var secret = TableFlowWebhook.CreateSecret();
        // The app's address must be known before the emulator starts, and the emulator's before the app does.
        var emulatorPort = FreePort();
        await using var app = await WebhookApp.StartAsync(
            a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = secret }, (evt, ct) => Task.CompletedTask),
            services: s => s.AddTableFlow(o =>
            {
                o.ApiKey = TableFlowEmulatorOptions.DefaultApiKey;
                o.BaseAddress = new Uri($"http://127.0.0.1:{emulatorPort}/");
                o.PollingInterval = AMinute;
            }));
        await using var emulator = await StartEmulatorAsync(new Uri(app.BaseAddress, Path), secret, port: emulatorPort);
        var client = app.Services.GetRequiredService<TableFlowClient>();
        var hub = app.Services.GetRequiredService<TableFlowEventHub>();

        var (run, elapsed) = await RunAndWaitAsync(emulator, client);

        Assert.True(hub.ReceivesWebhooks);
        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.True(elapsed < Patience, $"the wait took {elapsed} after the run ended");
        Assert.Equal(1, Reads(emulator, run.Id));
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task Many_waits_through_the_endpoint_leave_no_subscription_behind()
    {
        var secret = TableFlowWebhook.CreateSecret();
        var hub = new TableFlowEventHub();
        await using var app = await WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = secret, Events = hub }, (evt, ct) => Task.CompletedTask));
        await using var emulator = await StartEmulatorAsync(new Uri(app.BaseAddress, Path), secret);
        using var client = emulator.CreateClient(new TableFlowClientOptions { Events = hub, PollingInterval = AMinute });

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RunAsync(client)));
        var waits = started.Select(r => client.WaitForFlowRunAsync(r)).ToArray();
        await Eventually(() => started.All(r => Reads(emulator, r.Id) == 1));
        Assert.Equal(20, hub.SubscriberCount);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var runs = await Task.WhenAll(waits).WaitAsync(Patience);

        Assert.All(runs, r => Assert.Equal(FlowRunStatus.Completed, r.Status));
        Assert.Equal(0, hub.SubscriberCount);
    }

    /// <summary>Starts a run, waits for it, and ends it (on the emulator's clock) once the wait has read it processing.</summary>
    private async Task<(FlowRun Run, TimeSpan Elapsed)> RunAndWaitAsync(TableFlowEmulator emulator, TableFlowClient client)
    {
        var started = await RunAsync(client);
        var wait = client.WaitForFlowRunAsync(started);
        await Eventually(() => Reads(emulator, started.Id) == 1);
        Assert.False(wait.IsCompleted);
        var clock = Stopwatch.StartNew();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var run = await wait.WaitAsync(Patience);
        return (run, clock.Elapsed);
    }

    private static int Reads(TableFlowEmulator emulator, string runId)
        => emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/runs/" + runId, StringComparison.Ordinal));

    private async Task<TableFlowEmulator> StartEmulatorAsync(Uri webhookUrl, string secret, RunOutcome? outcome = null, int port = 0)
    {
        var options = new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(500), TimeProvider = _clock, Port = port };
        options.Webhooks.Urls.Add(webhookUrl);
        options.Webhooks.Secret = secret;
        var emulator = await TableFlowEmulator.StartAsync(options);
        emulator.AddFlow("po", f =>
        {
            f.Name("Purchase orders").File("doc", required: true);
            if (outcome is not null) f.EndsWith(outcome);
        });
        return emulator;
    }

    private static Task<FlowRun> RunAsync(TableFlowClient client)
        => client.RunFlowAsync("po", new FlowRunRequest().AddFile("doc", FlowFile.FromBytes(new byte[] { 1 }, "po.pdf")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Patience, "The condition did not become true in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>Now, until the test moves it on: the emulator's runs end only when it does, and webhooks are signed with a current time.</summary>
    private sealed class StepClock : TimeProvider
    {
        private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
