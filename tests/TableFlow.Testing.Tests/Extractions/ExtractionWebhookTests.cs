using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class ExtractionWebhookTests
{
    [Fact]
    public async Task An_extraction_sends_created_and_processing_then_completed_signed_with_the_documented_summary()
    {
        var clock = new ManualClock();
        await using var receiver = await Receiver.StartAsync();
        var options = new TableFlowEmulatorOptions { TimeProvider = clock, Webhooks = { Secret = "whsec_" + Convert.ToBase64String(new byte[24]) } };
        options.Webhooks.Urls.Add(receiver.Url);
        await using var emulator = await TableFlowEmulator.StartAsync(options);
        emulator.AddTemplate("JlLZVabDjYWzu7C9", t => t.FileTypes("document").Field("a", value: "1"));
        using var http = emulator.CreateHttpClient();
        var id = (await new ExtractionApi(http).UploadAsync(ExtractionApi.Form("JlLZVabDjYWzu7C9", "invoice-2023-04-15.pdf").Text("metadata", """{"ref": "R"}"""))).Str("id");

        await receiver.WaitForAsync(2);
        clock.Advance(TimeSpan.FromSeconds(2));
        await receiver.WaitForAsync(3);

        var webhook = new TableFlowWebhook(emulator.Webhooks.Secret);
        var events = receiver.Messages.Select(m => webhook.Verify(m.Body, m.Id, m.Timestamp, m.Signature)).ToArray();
        Assert.Equal(["extraction.created", "extraction.processing", "extraction.completed"], events.Select(e => e.Type));
        Assert.Equal(3, events.Select(e => e.Id).Distinct().Count());

        var created = events[0].Data;
        Assert.Equal(id, created.Str("extraction_id"));
        Assert.Equal("JlLZVabDjYWzu7C9", created.Str("template_id"));
        Assert.Equal("invoice-2023-04-15.pdf", created.Str("file_name"));
        Assert.Equal("""{"key":"document","extension":"pdf","mime_type":"application/pdf"}""", created.GetProperty("file_type").GetRawText());
        Assert.Equal("created", created.Str("status"));
        Assert.Equal("R", created.At("metadata", "ref").GetString());
        Assert.Equal(ManualClock.Start.ToUnixTimeSeconds(), created.GetProperty("created_at").GetInt64());
        Assert.Equal("processing", events[1].Data.Str("status"));
        Assert.Equal("completed", events[2].Data.Str("status"));

        var deliveries = emulator.Webhooks.Deliveries;
        Assert.All(deliveries, d => Assert.Equal(id, d.ExtractionId));
        Assert.All(deliveries, d => Assert.Null(d.RunId));
    }

    [Fact]
    public async Task A_failing_template_sends_extraction_failed()
    {
        await using var receiver = await Receiver.StartAsync();
        var options = new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero };
        options.Webhooks.Urls.Add(receiver.Url);
        await using var emulator = await TableFlowEmulator.StartAsync(options);
        emulator.AddTemplate("Broken0000000001", t => t.Fails());
        using var http = emulator.CreateHttpClient();
        await new ExtractionApi(http).UploadAsync(ExtractionApi.Form("Broken0000000001"));

        await receiver.WaitForAsync(3);
        var webhook = new TableFlowWebhook(emulator.Webhooks.Secret);
        var last = webhook.Verify(receiver.Messages.Last().Body, receiver.Messages.Last().Id, receiver.Messages.Last().Timestamp, receiver.Messages.Last().Signature);
        Assert.Equal("extraction.failed", last.Type);
        Assert.Equal("failed", last.Data.Str("status"));
    }

    [Fact]
    public async Task Without_webhook_urls_nothing_is_sent()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero });
        emulator.AddTemplate("T", t => t.Field("a"));
        using var http = emulator.CreateHttpClient();
        await new ExtractionApi(http).UploadAsync(ExtractionApi.Form("T"));
        await Task.Delay(100);
        Assert.Empty(emulator.Webhooks.Deliveries);
    }

    /// <summary>A loopback endpoint that answers 200 and keeps what it got, in arrival order.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(byte[] Body, string Id, string Timestamp, string Signature)> _messages;

        private Receiver(WebApplication app, Uri url, ConcurrentQueue<(byte[], string, string, string)> messages)
        {
            _app = app;
            Url = url;
            _messages = messages;
        }

        public Uri Url { get; }

        public (byte[] Body, string Id, string Timestamp, string Signature)[] Messages => _messages.ToArray();

        public static async Task<Receiver> StartAsync()
        {
            var messages = new ConcurrentQueue<(byte[], string, string, string)>();
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                var h = context.Request.Headers;
                messages.Enqueue((body.ToArray(), h["svix-id"].ToString(), h["svix-timestamp"].ToString(), h["svix-signature"].ToString()));
                context.Response.StatusCode = 200;
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Receiver(app, new Uri(new Uri(address), "/hook"), messages);
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (_messages.Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Only {_messages.Count} of {count} webhook messages arrived.");
                await Task.Delay(20);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
