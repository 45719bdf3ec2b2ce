using System;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>The client refuses unusable settings when it is made, and reads the key from the environment when asked.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("http://api.example.com/")]
    [InlineData("ftp://127.0.0.1/")]
    public void Base_address_that_is_not_https_is_refused(string address)
    {
        var e = Assert.Throws<ArgumentException>(() => new TableFlowClient(new TableFlowClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri(address) }));

        Assert.Contains("must use https", e.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080/")]
    [InlineData("https://gw.example.com/tableflow")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri(address) });

        Assert.EndsWith("/", client.BaseAddress.AbsoluteUri);
    }

    [Fact]
    public void Base_address_with_user_info_is_refused_without_repeating_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new TableFlowClient(new TableFlowClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri("https://user:hunter2@api.example.com/") }));

        Assert.Contains("user info", e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_api_key_is_refused(string key)
    {
        Assert.Contains("No TableFlow API key", Assert.Throws<ArgumentException>(() => new TableFlowClient(key)).Message);
        Assert.Contains("TABLEFLOW_API_KEY", Assert.Throws<ArgumentException>(() => new TableFlowClient(new TableFlowClientOptions { ApiKey = key })).Message);
    }

    [Fact]
    public async Task Key_comes_from_TABLEFLOW_API_KEY_when_the_options_have_none()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "completed")));
        var previous = Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable, "env_key_0123456789");
        try
        {
            using var client = new TableFlowClient(new TableFlowClientOptions { BaseAddress = server.BaseAddress });
            await client.GetFlowRunAsync("r1");

            Assert.Equal("Bearer env_key_0123456789", Assert.Single(server.Requests).Authorization);
        }
        finally
        {
            Environment.SetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable, previous);
        }
    }

    [Fact]
    public void Unusable_timing_options_are_refused_naming_the_option()
    {
        static ArgumentException Make(Action<TableFlowClientOptions> configure)
        {
            var options = new TableFlowClientOptions { ApiKey = TestClients.ApiKey };
            configure(options);
            return Assert.Throws<ArgumentException>(() => new TableFlowClient(options));
        }

        Assert.Contains("RequestTimeout", Make(o => o.RequestTimeout = TimeSpan.Zero).Message);
        Assert.Contains("PollingInterval", Make(o => o.PollingInterval = TimeSpan.FromSeconds(-1)).Message);
        Assert.Contains("WaitTimeout", Make(o => o.WaitTimeout = TimeSpan.FromSeconds(-5)).Message);
        Assert.Contains("RetryDelay", Make(o => o.RetryDelay = TimeSpan.FromSeconds(-1)).Message);
        Assert.Contains("MaxRetryDelay", Make(o => o.MaxRetryDelay = TimeSpan.FromDays(30)).Message);
        Assert.Contains("MaxRetries", Make(o => o.MaxRetries = -1).Message);
    }

    [Fact]
    public void Options_are_copied_so_later_changes_do_not_reach_the_client()
    {
        var options = new TableFlowClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri("https://one.example/") };
        using var client = new TableFlowClient(options);

        options.BaseAddress = new Uri("https://two.example/");

        Assert.Equal("https://one.example/", client.BaseAddress.AbsoluteUri);
    }

    [Fact]
    public void A_passed_HttpClient_is_not_disposed_with_the_client()
    {
        using var http = new System.Net.Http.HttpClient();
        var client = new TableFlowClient(http, new TableFlowClientOptions { ApiKey = TestClients.ApiKey });

        client.Dispose();

        http.CancelPendingRequests(); // throws ObjectDisposedException if it was disposed
    }
}
