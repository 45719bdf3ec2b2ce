using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TableFlow.AspNetCore;

namespace TableFlow.AspNetCore.Tests;

public sealed class WebhookEndpointTests
{
    private const string Path = "/webhooks/tableflow";
    private const string RunCompleted = """
        {"event": "flow.run.completed",
         "data": {"id": "Wp7kRnT2mX4vQ9bL", "flow_id": "dk4g1tUg1uHLs8YU", "status": "completed",
                  "metadata": {"customer_id": "12345"}, "start_time": 1682366228, "end_time": 1682366258, "duration": 30000}}
        """;

    private readonly string _secret = TableFlowWebhook.CreateSecret();
    private readonly ConcurrentQueue<TableFlowEvent> _received = new();

    private TableFlowWebhook Signer => new(_secret);

    [Fact]
    public async Task A_signed_event_reaches_the_handler_with_its_run_and_is_answered_204()
    {
        await using var app = await StartAsync();

        using var response = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var evt = Assert.Single(_received);
        Assert.Equal("msg_1", evt.Id);
        Assert.Equal("flow.run.completed", evt.Type);
        Assert.Equal(FlowRunStatus.Completed, evt.FlowRun!.Status);
        Assert.Equal("12345", evt.FlowRun.Metadata!["customer_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forged_signature_is_answered_400_with_the_reason_and_the_handler_is_not_called()
    {
        await using var app = await StartAsync();

        using var response = await app.PostSignedAsync(Path, new TableFlowWebhook(TableFlowWebhook.CreateSecret()), "msg_1", RunCompleted);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no v1 signature", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_secret["whsec_".Length..], await response.Content.ReadAsStringAsync());
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        await using var app = await StartAsync();
        var at = DateTimeOffset.UtcNow;
        var signature = Signer.Sign("msg_1", at, Encoding.UTF8.GetBytes(RunCompleted));

        using var response = await app.PostAsync(Path, Encoding.UTF8.GetBytes(RunCompleted.Replace("completed", "failed")), "msg_1", at.ToUnixTimeSeconds().ToString(), signature);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_replayed_message_older_than_five_minutes_is_refused()
    {
        await using var app = await StartAsync();

        using var response = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted, DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("replay", await response.Content.ReadAsStringAsync());
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_request_without_the_signature_headers_is_refused()
    {
        await using var app = await StartAsync();

        using var response = await app.PostAsync(Path, Encoding.UTF8.GetBytes(RunCompleted), null, null, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("svix-id", await response.Content.ReadAsStringAsync());
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_retried_message_is_answered_2xx_and_dropped_without_calling_the_handler_again()
    {
        await using var app = await StartAsync();

        using var first = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);
        using var retry = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted, DateTimeOffset.UtcNow.AddSeconds(5));
        using var other = await app.PostSignedAsync(Path, Signer, "msg_2", RunCompleted);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
        Assert.Equal(new[] { "msg_1", "msg_2" }, _received.Select(e => e.Id));
    }

    [Fact]
    public async Task When_the_handler_throws_the_answer_is_500_and_the_retry_is_handled_again()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = _secret }, (evt, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("database down");
            _received.Enqueue(evt);
            return Task.CompletedTask;
        }));

        using var failed = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);
        using var retried = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);
        using var again = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.DoesNotContain("database down", await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(2, calls);
        Assert.Single(_received);
    }

    [Fact]
    public async Task A_retry_that_arrives_while_the_first_delivery_is_still_handled_gets_409_so_it_is_tried_later()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = _secret }, async (evt, ct) =>
        {
            entered.TrySetResult();
            await release.Task;
            _received.Enqueue(evt);
        }));

        var first = app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);
        await entered.Task;
        using var concurrent = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);
        release.SetResult();
        using var firstResponse = await first;

        Assert.Equal(HttpStatusCode.Conflict, concurrent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, firstResponse.StatusCode);
        Assert.Single(_received);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_answered_413_without_calling_the_handler()
    {
        await using var app = await StartAsync(new TableFlowWebhookOptions { Secret = _secret, MaxBodySize = 1024 });
        var big = """{"event": "flow.run.completed", "data": {"id": "r1", "status": "completed", "pad": "PAD"}}""".Replace("PAD", new string('x', 2000));

        using var response = await app.PostSignedAsync(Path, Signer, "msg_1", big);
        using var small = await app.PostSignedAsync(Path, Signer, "msg_2", RunCompleted);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, small.StatusCode);
        Assert.Equal("msg_2", Assert.Single(_received).Id);
    }

    [Fact]
    public async Task The_secret_is_read_from_TableFlow_WebhookSecret_in_configuration()
    {
        await using var app = await WebhookApp.StartAsync(
            a => a.MapTableFlowWebhooks(Path, (evt, ct) => Record(evt)),
            new Dictionary<string, string?> { ["TableFlow:WebhookSecret"] = _secret });

        using var response = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(_received);
    }

    [Fact]
    public async Task Mapping_without_a_secret_fails_at_startup_naming_the_configuration_key()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, (evt, ct) => Record(evt))));

        Assert.Contains("TableFlow:WebhookSecret", e.Message);
        Assert.Contains(Path, e.Message);
    }

    [Fact]
    public async Task Mapping_with_a_secret_that_is_not_base64_fails_at_startup_without_repeating_it()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = "whsec_%%secret%%" }, (evt, ct) => Record(evt))));

        Assert.DoesNotContain("%%secret%%", e.Message);
    }

    [Fact]
    public async Task The_services_overload_gets_the_requests_scope()
    {
        await using var app = await WebhookApp.StartAsync(
            a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = _secret }, (evt, services, ct) =>
            {
                services.GetRequiredService<Inbox>().Add(evt);
                return Task.CompletedTask;
            }),
            services: s => s.AddSingleton<Inbox>());

        using var response = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Wp7kRnT2mX4vQ9bL", Assert.Single(app.Services.GetRequiredService<Inbox>().Events).FlowRun!.Id);
    }

    [Fact]
    public async Task Handled_events_are_published_to_a_registered_event_hub_so_a_waiter_sees_its_run()
    {
        await using var app = await WebhookApp.StartAsync(
            a => a.MapTableFlowWebhooks(Path, new TableFlowWebhookOptions { Secret = _secret }, (evt, ct) => Record(evt)),
            services: s => s.AddSingleton<TableFlowEventHub>());
        var wait = app.Services.GetRequiredService<TableFlowEventHub>().WaitForFlowRunEventAsync("Wp7kRnT2mX4vQ9bL");

        using var response = await app.PostSignedAsync(Path, Signer, "msg_1", RunCompleted);

        Assert.Equal(FlowRunStatus.Completed, (await wait).Status);
    }

    [Fact]
    public async Task Only_POST_is_answered()
    {
        await using var app = await StartAsync();

        using var response = await app.Http.GetAsync(Path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private Task<WebhookApp> StartAsync(TableFlowWebhookOptions? options = null)
        => WebhookApp.StartAsync(a => a.MapTableFlowWebhooks(Path, options ?? new TableFlowWebhookOptions { Secret = _secret }, (evt, ct) => Record(evt)));

    private Task Record(TableFlowEvent evt)
    {
        _received.Enqueue(evt);
        return Task.CompletedTask;
    }

    private sealed class Inbox
    {
        public ConcurrentQueue<TableFlowEvent> Events { get; } = new();

        public void Add(TableFlowEvent evt) => Events.Enqueue(evt);
    }
}
