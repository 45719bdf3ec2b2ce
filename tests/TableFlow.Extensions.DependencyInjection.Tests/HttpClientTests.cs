using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace TableFlow.Extensions.DependencyInjection.Tests;

/// <summary>The HttpClient under the registered client keeps the client's guarantees.</summary>
public sealed class HttpClientTests
{
    [Fact]
    public async Task A_redirect_answer_to_a_run_request_is_not_followed_so_the_run_is_never_posted_twice()
    {
        var seen = new ConcurrentQueue<string>();
        await using var server = await StartServerAsync(async context =>
        {
            seen.Enqueue(context.Request.Method + " " + context.Request.Path);
            if (context.Request.Path.StartsWithSegments("/v2/flows/diFlow0001/run"))
            {
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = "/moved/v2/flows/diFlow0001/run";
                return;
            }

            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("the redirect was followed");
        });
        await using var provider = Provider(server.Address);
        var flow = provider.GetRequiredService<ReconciliationFlow>();

        var error = await Assert.ThrowsAnyAsync<TableFlowException>(() => flow.RunAsync(
            FlowFile.FromBytes("%PDF po"u8.ToArray(), "po.pdf"), FlowFile.FromBytes("%PDF inv"u8.ToArray(), "inv.pdf")));

        Assert.Equal(["POST /v2/flows/diFlow0001/run"], seen.ToArray());
        Assert.Contains("307", error.Message);
    }

    [Fact]
    public async Task The_HttpClient_has_no_timeout_of_its_own_so_a_long_upload_is_governed_by_RequestTimeout_alone()
    {
        await using var provider = Provider(new Uri("https://api.tableflow.com/"));

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TableFlowServiceCollectionExtensions.HttpClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public async Task The_primary_handler_follows_no_redirects_and_renews_pooled_connections()
    {
        await using var provider = Provider(new Uri("https://api.tableflow.com/"));

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(TableFlowServiceCollectionExtensions.HttpClientName);
        HttpMessageHandler? current = handler;
        while (current is DelegatingHandler delegating) current = delegating.InnerHandler;

        var primary = Assert.IsType<SocketsHttpHandler>(current);
        Assert.False(primary.AllowAutoRedirect);
        Assert.True(primary.PooledConnectionLifetime > TimeSpan.Zero && primary.PooledConnectionLifetime != Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public async Task The_HttpClient_factory_logs_never_show_the_API_key()
    {
        await using var server = await StartServerAsync(context => context.Response.WriteAsync("""{ "id": "run1", "flow_id": "diFlow0001", "status": "completed" }"""));
        var logs = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs)));
        services.AddTableFlow(o => { o.ApiKey = "sk-secret-key-123"; o.BaseAddress = server.Address; });
        await using var provider = services.BuildServiceProvider();

        var run = await provider.GetRequiredService<TableFlowClient>().GetFlowRunAsync("run1");

        Assert.Equal("run1", run.Id);
        Assert.Contains(logs, l => l.Contains("Authorization", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("secret", StringComparison.Ordinal));
    }

    private static ServiceProvider Provider(Uri baseAddress)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTableFlow(o => { o.ApiKey = "test-key"; o.BaseAddress = baseAddress; }).AddFlow<ReconciliationFlow>();
        return services.BuildServiceProvider();
    }

    internal static async Task<LoopbackServer> StartServerAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(new Uri(address), "/"));
    }

    internal sealed class LoopbackServer(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue(formatter(state, exception));
        }
    }
}
