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
