using System;
using System.Threading;
using System.Net;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>Every way a call can fail comes back as an exception that says what happened, with the API's own words.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task Unauthorized_carries_status_the_APIs_error_and_a_hint_about_the_key()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 401, """{"error": "Invalid API key"}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("Wp7kRnT2mX4vQ9bL"));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("Invalid API key", e.Error);
        Assert.Null(e.ApiMessage);
        Assert.Contains("401", e.Message);
        Assert.Contains("Invalid API key", e.Message);
        Assert.Contains("TABLEFLOW_API_KEY", e.Message);
        Assert.Contains("reading flow run 'Wp7kRnT2mX4vQ9bL'", e.Message);
        Assert.Equal(1, server.RequestCount); // a 4xx is final: no retry
    }

    [Fact]
    public async Task Bad_request_carries_the_APIs_error_and_message()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 400, """{"error": "Invalid parameters", "message": "Required file 'invoice' is missing"}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync("dk4g1tUg1uHLs8YU", new FlowRunRequest().AddFile("purchase_order", FlowFile.FromBytes(new byte[] { 1 }, "po.pdf"))));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("Invalid parameters", e.Error);
        Assert.Equal("Required file 'invoice' is missing", e.ApiMessage);
        Assert.Contains("Invalid parameters: Required file 'invoice' is missing", e.Message);
        Assert.Contains("starting a run of flow 'dk4g1tUg1uHLs8YU'", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Not_found_names_the_id_and_suggests_checking_it()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 404, """{"error": "Flow run not found"}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("nope123"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("Flow run not found", e.Message);
        Assert.Contains("'nope123'", e.Message);
        Assert.Contains("Check the id", e.Message);
    }

    [Fact]
    public async Task Error_body_that_is_not_the_APIs_JSON_is_kept_as_a_bounded_excerpt()
    {
        var huge = new string('x', 100_000);
        await using var server = await LoopbackServer.StartAsync(c => Respond.Text(c, 500, "text/plain", "upstream exploded " + huge));
        using var client = TestClients.Create(server, o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("r1"));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Null(e.Error);
        Assert.StartsWith("upstream exploded xxx", e.ResponseBody);
        Assert.True(e.ResponseBody!.Length < 2200, $"excerpt has {e.ResponseBody.Length} chars");
        Assert.True(e.Message.Length < 5000, $"message has {e.Message.Length} chars");
    }

    [Fact]
    public async Task Html_error_page_from_a_proxy_is_named_as_such()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Html(c, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));
        using var client = TestClients.Create(server, o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("r1"));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Contains("HTML page", e.Message);
        Assert.Contains("502 Bad Gateway", e.ResponseBody);
    }

    [Fact]
    public async Task Success_status_with_an_HTML_page_is_not_taken_for_a_run()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Html(c, 200, "<!DOCTYPE html><html><title>Sign in</title></html>"));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));

        Assert.IsNotType<TableFlowApiException>(e);
        Assert.Contains("answered 200", e.Message);
        Assert.Contains("HTML page instead of a flow run", e.Message);
        Assert.Contains("BaseAddress", e.Message);
    }

    [Theory]
    [InlineData("application/json", "this is not json", "not a flow run")]
    [InlineData("application/json", """{"unexpected": true}""", "without \"id\"")]
    [InlineData("application/json", """[{"id": "r1", "status": "completed"}]""", "not a flow run")]
    [InlineData("application/json", "null", "JSON null")]
    [InlineData("application/json", "", "empty body")]
    [InlineData("application/octet-stream", "\u0001\u0002garbage\u0003", "not a flow run")]
    public async Task Success_status_with_a_body_that_is_not_a_run_says_so(string contentType, string body, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Text(c, 200, contentType, body));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));

        Assert.IsNotType<TableFlowApiException>(e);
        Assert.Contains(expected, e.Message);
        Assert.Contains("reading flow run 'r1'", e.Message);
    }

    [Fact]
    public async Task Hang_up_before_the_answer_is_a_TableFlowException_naming_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.HangUp);
        using var client = TestClients.Create(server, o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));

        Assert.Contains("reading flow run 'r1'", e.Message);
        Assert.Contains("closed before the answer was complete", e.Message);
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public async Task Refused_connection_is_a_TableFlowException_naming_the_address()
    {
        var address = new Uri($"http://127.0.0.1:{RawSockets.ClosedPort()}/");
        using var client = TestClients.Create(address, o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));

        Assert.Contains("no connection could be made", e.Message);
        Assert.Contains(address.ToString(), e.Message);
    }

    [Fact]
    public async Task No_answer_within_the_request_timeout_is_a_TableFlowException_saying_so()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Slowly(c, TimeSpan.FromSeconds(30), RunJson.Run("r1", "completed")));
        using var client = TestClients.Create(server, o =>
        {
            o.MaxRetries = 0;
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
        });

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));

        Assert.Contains("Timed out reading flow run 'r1'", e.Message);
        Assert.Contains("no complete answer within 0.3 s", e.Message);
        Assert.Contains("RequestTimeout", e.Message);
    }

    [Fact]
    public async Task The_request_timeout_applies_when_the_caller_passes_a_token_that_never_fires()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Slowly(c, TimeSpan.FromSeconds(30), RunJson.Run("r1", "completed")));
        using var client = TestClients.Create(server, o =>
        {
            o.MaxRetries = 0;
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
        });
        using var caller = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1", caller.Token));

        Assert.Contains("no complete answer within 0.3 s", e.Message);
        Assert.False(caller.IsCancellationRequested);
    }

    [Fact]
    public async Task An_infinite_request_timeout_waits_for_a_slow_answer_and_the_caller_can_still_cancel()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1
            ? Respond.Slowly(c, TimeSpan.FromMilliseconds(500), RunJson.Run("r1", "completed"))
            : Respond.Slowly(c, TimeSpan.FromSeconds(30), RunJson.Run("r1", "completed")));
        using var client = TestClients.Create(server, o => o.RequestTimeout = Timeout.InfiniteTimeSpan);

        Assert.Equal("r1", (await client.GetFlowRunAsync("r1")).Id);

        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetFlowRunAsync("r1", caller.Token));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_an_OperationCanceledException_not_a_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Slowly(c, TimeSpan.FromSeconds(30), RunJson.Run("r1", "completed")));
        using var client = TestClients.Create(server);
        using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetFlowRunAsync("r1", cts.Token));
        Assert.True(server.RequestCount <= 1, "a cancelled read was retried");
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_names_where_it_points()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.StatusCode = 308;
            c.Response.Headers.Location = "https://elsewhere.example/v2/flows/runs/r1";
            return System.Threading.Tasks.Task.CompletedTask;
        });
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("r1"));

        Assert.Equal((HttpStatusCode)308, e.StatusCode);
        Assert.Contains("https://elsewhere.example/v2/flows/runs/r1", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Timeout_of_a_callers_HttpClient_is_named_as_such()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Slowly(c, TimeSpan.FromSeconds(30), RunJson.Run("r1", "completed")));
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        using var client = TestClients.Create(http, server.BaseAddress, o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));

        Assert.Contains("within 0.3 s (HttpClient.Timeout, the HttpClient's own Timeout)", e.Message);
        Assert.Contains("Raise HttpClient.Timeout", e.Message);
        Assert.False(e.RunMayHaveStarted);
    }

    [Fact]
    public async Task Run_answered_with_something_that_is_not_a_run_warns_that_it_probably_started()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 201, """{"ok": true}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[1], "i.pdf"))));

        Assert.Contains("not a flow run", e.Message);
        Assert.Contains("probably started", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task File_that_fails_while_being_sent_is_named_and_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 201, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(server);
        using var stream = new FailingStream(failAfter: 200_000);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromStream(stream, "broken.pdf"))));

        Assert.Contains("Could not read file 'broken.pdf' while sending it", e.Message);
        Assert.Contains("disk went away", e.Message);
        Assert.IsType<System.IO.IOException>(e.InnerException);
        Assert.True(server.RequestCount <= 1);
    }

    [Fact]
    public async Task Requests_identify_the_client()
    {
        string? userAgent = null;
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            userAgent = c.Request.Headers.UserAgent.ToString();
            return Respond.Json(c, 200, RunJson.Run("r1", "completed"));
        });
        using var client = TestClients.Create(server);

        await client.GetFlowRunAsync("r1");

        Assert.StartsWith("TableFlow.Generators/", userAgent);
    }
}
