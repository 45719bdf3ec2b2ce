using System;
using System.Linq;
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

    // The tests that read or set TABLEFLOW_API_KEY are all in this class, so xunit never runs two of them at once.
    private static async Task WithKeyVariable(string? value, Func<Task> test)
    {
        var previous = Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable, value);
        try
        {
            await test();
        }
        finally
        {
            Environment.SetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable, previous);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public Task Empty_api_key_is_refused_when_the_environment_has_none(string key) => WithKeyVariable(null, () =>
    {
        Assert.Contains("No TableFlow API key", Assert.Throws<ArgumentException>(() => new TableFlowClient(key)).Message);
        var e = Assert.Throws<ArgumentException>(() => new TableFlowClient(new TableFlowClientOptions { ApiKey = key }));
        Assert.Contains("TableFlowClientOptions.ApiKey is empty and the TABLEFLOW_API_KEY environment variable is not set", e.Message);
        return Task.CompletedTask;
    });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Key_comes_from_TABLEFLOW_API_KEY_when_the_options_have_none_or_an_empty_one(string? configured)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "completed")));
        await WithKeyVariable("env_key_0123456789", async () =>
        {
            // "" is what configuration binding gives for TableFlow__ApiKey= with no value.
            using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = configured, BaseAddress = server.BaseAddress });
            await client.GetFlowRunAsync("r1");

            Assert.Equal("Bearer env_key_0123456789", Assert.Single(server.Requests).Authorization);
        });
    }

    [Fact]
    public Task An_empty_key_passed_by_hand_is_refused_even_when_the_environment_has_one()
        => WithKeyVariable("env_key_0123456789", () =>
        {
            var e = Assert.Throws<ArgumentException>(() => new TableFlowClient("  "));
            Assert.Equal("apiKey", e.ParamName);
            Assert.Contains("the apiKey argument is empty", e.Message);
            return Task.CompletedTask;
        });

    [Theory]
    [InlineData("", "/v2/flows/runs/r1", "/v2/flows/f1/run")]
    [InlineData("v2", "/v2/flows/runs/r1", "/v2/flows/f1/run")]    // the docs' base URL, https://api.tableflow.com/v2
    [InlineData("v2/", "/v2/flows/runs/r1", "/v2/flows/f1/run")]
    [InlineData("tableflow/", "/tableflow/v2/flows/runs/r1", "/tableflow/v2/flows/f1/run")] // a gateway's prefix
    [InlineData("tableflow", "/tableflow/v2/flows/runs/r1", "/tableflow/v2/flows/f1/run")]
    [InlineData("tableflow/v2", "/tableflow/v2/flows/runs/r1", "/tableflow/v2/flows/f1/run")]
    public async Task Requests_go_under_the_base_address_without_doubling_v2(string path, string readPath, string runPath)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, c.Request.Method == "POST" ? 201 : 200, RunJson.Run("r1", "completed")));
        using var client = TestClients.Create(new Uri(server.BaseAddress, path));

        await client.GetFlowRunAsync("r1");
        await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[] { 1 }, "i.pdf")));

        Assert.Equal([("GET", readPath), ("POST", runPath)], server.Requests.Select(r => (r.Method, r.Path)));
    }

    [Theory]
    [InlineData("https://api.tableflow.com/v2", "https://api.tableflow.com/")]
    [InlineData("https://api.tableflow.com/v2/", "https://api.tableflow.com/")]
    [InlineData("https://api.tableflow.com", "https://api.tableflow.com/")]
    [InlineData("https://gw.example.com/tableflow", "https://gw.example.com/tableflow/")]
    [InlineData("https://gw.example.com/tableflow/v2", "https://gw.example.com/tableflow/")]
    [InlineData("https://gw.example.com/v2x", "https://gw.example.com/v2x/")]
    public void The_docs_base_url_means_the_api_root(string configured, string used)
    {
        using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri(configured) });

        Assert.Equal(used, client.BaseAddress.AbsoluteUri);
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
