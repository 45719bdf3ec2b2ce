using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>
/// The API key never shows up in exception text, even when a server echoes the Authorization header back into the
/// body that ends up in messages and excerpts. Each server here does echo it, so the tests would catch a leak.
/// </summary>
public sealed class SecretTests
{
    private static string Echo(HttpContext c) => c.Request.Headers.Authorization.ToString();

    public static TheoryData<string> EchoingServers => new()
    {
        "401-json", "400-json-message", "500-text", "200-html", "200-garbage", "200-json-wrong-shape", "429-exhausted",
    };

    [Theory]
    [MemberData(nameof(EchoingServers))]
    public async Task Key_echoed_by_the_server_never_appears_in_the_exception(string scenario)
    {
        await using var server = await LoopbackServer.StartAsync(c => scenario switch
        {
            "401-json" => Respond.Json(c, 401, $$"""{"error": "Bad key {{Echo(c)}}"}"""),
            "400-json-message" => Respond.Json(c, 400, $$"""{"error": "Invalid", "message": "header was {{Echo(c)}}"}"""),
            "500-text" => Respond.Text(c, 500, "text/plain", "trace: " + Echo(c)),
            "200-html" => Respond.Html(c, 200, $"<html>{Echo(c)}</html>"),
            "200-garbage" => Respond.Text(c, 200, "application/json", "{{{ " + Echo(c)),
            "200-json-wrong-shape" => Respond.Json(c, 200, $$"""{"auth": "{{Echo(c)}}"}"""),
            "429-exhausted" => Respond.Json(c, 429, $$"""{"error": "slow down {{Echo(c)}}"}"""),
            _ => throw new InvalidOperationException(scenario),
        });
        using var client = TestClients.Create(server, o => o.MaxRetries = 1);

        var e = await Assert.ThrowsAnyAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));

        Assert.Equal("Bearer " + TestClients.ApiKey, server.Requests[0].Authorization); // the echo really held the key
        Secrets.AssertKeyAbsent(e);
        Assert.Contains("[redacted API key]", e.Message + (e as TableFlowApiException)?.ResponseBody);
    }

    [Fact]
    public async Task Key_never_appears_in_network_failures_of_a_run()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.HangUp);
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAnyAsync<TableFlowException>(() => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[10], "i.pdf"))));

        Secrets.AssertKeyAbsent(e);
    }

    public static TheoryData<string> OtherErrorPaths => new()
    {
        "timeout", "refused", "redirect-to-echo", "wait-timeout", "repeated-offset", "file-read-failure", "run-429-non-seekable", "run-500",
    };

    [Theory]
    [MemberData(nameof(OtherErrorPaths))]
    public async Task Key_never_appears_on_any_other_error_path(string scenario)
    {
        await using var server = await LoopbackServer.StartAsync(c => scenario switch
        {
            "timeout" => Respond.Slowly(c, TimeSpan.FromSeconds(30), "{}"),
            "redirect-to-echo" => RedirectEchoingKey(c),
            "wait-timeout" => Respond.Json(c, 200, RunJson.Run("r1", "processing")),
            "repeated-offset" => Respond.Json(c, 200, "{\"flow_runs\": [" + RunJson.Run("r1", "completed") + "], \"pagination\": {\"next_offset\": 5}}"),
            "run-429-non-seekable" => Respond.Json(c, 429, $$"""{"error": "{{Echo(c)}}"}""", retryAfter: "0"),
            "run-500" => Respond.Json(c, 500, $$"""{"error": "{{Echo(c)}}"}"""),
            _ => Respond.Json(c, 201, RunJson.Run("r1", "processing")),
        });
        var address = scenario == "refused" ? new Uri($"http://127.0.0.1:{RawSockets.ClosedPort()}/") : server.BaseAddress;
        using var client = TestClients.Create(address, o =>
        {
            o.MaxRetries = 1;
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.WaitTimeout = TimeSpan.FromMilliseconds(100);
        });

        Func<Task> call = scenario switch
        {
            "wait-timeout" => () => client.WaitForFlowRunAsync("r1"),
            "repeated-offset" => async () => { await foreach (var _ in client.ListFlowRunsAsync()) { } },
            "file-read-failure" => () => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromStream(new FailingStream(1000), "broken.pdf"))),
            "run-429-non-seekable" or "run-500" => () => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromStream(new NonSeekableStream(new byte[10]), "i.pdf"))),
            _ => () => client.GetFlowRunAsync("r1"),
        };

        var e = await Assert.ThrowsAnyAsync<TableFlowException>(call);

        Secrets.AssertKeyAbsent(e);
    }

    private static Task RedirectEchoingKey(HttpContext c)
    {
        c.Response.StatusCode = 307;
        c.Response.Headers.Location = "https://elsewhere.example/?auth=" + Uri.EscapeDataString(TestClients.ApiKey);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("tf_key_with\r\ninjected: header")]
    [InlineData("tf key with spaces")]
    [InlineData("tf_clé_non_ascii")]
    public void Key_that_cannot_go_in_a_header_is_refused_without_being_quoted(string key)
    {
        var e = Assert.Throws<ArgumentException>(() => new TableFlowClient(key));

        Assert.Contains("API key contains a character", e.Message);
        Assert.DoesNotContain(key.Trim(), e.ToString());
    }

    [Fact]
    public void Options_and_client_ToString_do_not_show_the_key()
    {
        var options = new TableFlowClientOptions { ApiKey = TestClients.ApiKey };
        using var client = new TableFlowClient(options);

        Assert.DoesNotContain(TestClients.ApiKey, options.ToString());
        Assert.DoesNotContain(TestClients.ApiKey, client.ToString());
    }
}
