using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TableFlow.Benchmarks.Shared;

namespace TableFlow.Benchmarks.Sink;

/// <summary>
/// A Kestrel server on 127.0.0.1 that reads and discards every request body and answers the documented
/// "run started" flow run. It measures nothing itself: it is the far end that every client under test talks to.
/// </summary>
public sealed class SinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;
    private long _bodyBytes;

    private SinkServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The address to send to, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How many requests were answered.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>How many body bytes were read and discarded, over all requests.</summary>
    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    /// <summary>Cancelled when the host stops (its console lifetime turns SIGTERM and Ctrl+C into a stop).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Called after each request with its body size (the standalone sink logs it, so a script can check the upload arrived whole).</summary>
    public Action<string, long>? RequestCompleted { get; set; }

    /// <summary>Starts the sink on 127.0.0.1 at <paramref name="port"/> (0 picks a free port).</summary>
    public static async Task<SinkServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            // The 1 GiB upload must get through; Kestrel's default cap is 30 MB.
            options.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        SinkServer? sink = null;
        app.Run(context => sink!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink = new SinkServer(app, new Uri(address.TrimEnd('/') + "/"));
        return sink;
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Read straight from Kestrel's pipe and throw the bytes away: no copy, so the sink costs the same for every client.
        long total = 0;
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            total += result.Buffer.Length;
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted) break;
        }

        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bodyBytes, total);
        RequestCompleted?.Invoke(context.Request.Path, total);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = FlowRunSamples.StartedRun.Length;
        await context.Response.Body.WriteAsync(FlowRunSamples.StartedRun, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
