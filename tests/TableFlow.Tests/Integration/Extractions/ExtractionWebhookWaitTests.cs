using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Integration.Extractions;

/// <summary>
/// WaitForExtractionAsync polling once a minute ends on the emulator's signed <c>extraction.completed</c> (or
/// <c>extraction.failed</c>) webhook,
/// received by a real endpoint, verified and published to the client's <see cref="TableFlowEventHub"/>.
/// </summary>
public sealed class ExtractionWebhookWaitTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_wait_ends_on_the_emulators_extraction_webhook_not_on_a_poll(bool fails)
    {
        var clock = new ManualClock();
        var secret = TableFlowWebhook.CreateSecret();
        var webhook = new TableFlowWebhook(secret); // the emulator signs with the real time, as the service does
        var hub = new TableFlowEventHub();
        await using var receiver = await LoopbackServer.StartAsync(async (context, _) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers;
            hub.Publish(webhook.Verify(body.ToArray(), headers[TableFlowWebhook.IdHeader]!, headers[TableFlowWebhook.TimestampHeader]!, headers[TableFlowWebhook.SignatureHeader]!));
            context.Response.StatusCode = 204;
        });
        var options = new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromSeconds(2), TimeProvider = clock, Webhooks = { Secret = secret } };
        options.Webhooks.Urls.Add(new Uri(receiver.BaseAddress, "webhooks/tableflow"));
        await using var emulator = await TableFlowEmulator.StartAsync(options);
        emulator.AddTemplate(EmulatorTemplates.InvoiceId, t =>
        {
            ExtractionEmulatorTests.Invoice(t, 3);
            if (fails) t.Fails("Extraction failed: unreadable scan");
        });
        using var client = emulator.CreateClient(new TableFlowClientOptions { PollingInterval = TimeSpan.FromMinutes(1), Events = hub });

        var started = await EmulatedInvoice.ExtractAsync(client, FlowFile.FromBytes("%PDF-1.4"u8.ToArray(), "invoice.pdf"));
        var wait = client.WaitForExtractionAsync(started.Id);
        for (var i = 0; i < 1500 && ReadsOf(emulator, started.Id) == 0; i++) await Task.Delay(10);
        clock.Advance(TimeSpan.FromSeconds(2)); // the emulator's extraction completes and its webhook goes out
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(fails ? ExtractionStatus.Failed : ExtractionStatus.Completed, done.Status);
        Assert.Equal(fails ? 0 : 3, done.Tables.TryGetValue("line_items", out var table) ? table.Rows.Count : 0);
        // One read at the start, one after the event: the minute's poll never came.
        Assert.Equal(2, ReadsOf(emulator, started.Id));
        // The delivery is recorded once the receiver has answered, which may be just after the wait ended.
        bool Delivered() => emulator.Webhooks.Deliveries.Any(d => d.ExtractionId == started.Id && d.EventType == (fails ? "extraction.failed" : "extraction.completed") && d.Succeeded);
        for (var i = 0; i < 500 && !Delivered(); i++) await Task.Delay(10);
        Assert.True(Delivered());
        Assert.Equal(0, hub.SubscriberCount);
    }

    private static int ReadsOf(TableFlowEmulator emulator, string id)
        => emulator.Requests.Count(r => r.Method == "GET" && r.Path == "/v2/extractions/" + id);

    /// <summary>A clock that moves only when the test says so (the emulator checks it as time passes).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
