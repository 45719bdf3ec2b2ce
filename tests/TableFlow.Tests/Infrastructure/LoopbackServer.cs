using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TableFlow.Tests.Infrastructure;

/// <summary>What the server saw of one request.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? ContentType);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) whose answers each test scripts: the handler gets the context and
/// the 1-based number of the request. Every request is recorded before the handler runs.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    private LoopbackServer(WebApplication app, Func<HttpContext, int, Task> handler)
    {
        _app = app;
        Handler = handler;
    }

    /// <summary>The handler that answers requests; tests may swap it between calls.</summary>
    public Func<HttpContext, int, Task> Handler { get; set; }

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many requests arrived.</summary>
    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>The requests in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app, handler);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>A server that answers every request the same way.</summary>
    public static Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler) => StartAsync((context, _) => handler(context));

    private Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", request.Headers.Authorization.ToString(), request.ContentType));
        return Handler(context, number);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
