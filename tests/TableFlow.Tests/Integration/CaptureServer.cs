using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace TableFlow.Tests.Integration;

/// <summary>One multipart part as a server-side parser (ASP.NET Core's <see cref="MultipartReader"/>) reads it.</summary>
public sealed record CapturedPart(string Name, string? FileName, string? ContentType, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>A request as the capture server received it.</summary>
public sealed record CapturedRequest(string Method, string Path, string? Authorization, string? ContentType, IReadOnlyList<CapturedPart> Parts);

/// <summary>
/// A loopback HTTP server that records every request and parses multipart bodies independently of the client,
/// answering with a fixed body. It shows what actually goes over the wire.
/// </summary>
public sealed class CaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    private CaptureServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    public static async Task<CaptureServer> StartAsync(int status, string responseJson)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new CaptureServer(app);
        app.Run(async context =>
        {
            var parts = new List<CapturedPart>();
            var contentType = context.Request.ContentType;
            if (contentType is not null && contentType.StartsWith("multipart/", StringComparison.Ordinal))
            {
                var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
                var reader = new MultipartReader(boundary, context.Request.Body);
                for (var section = await reader.ReadNextSectionAsync(); section is not null; section = await reader.ReadNextSectionAsync())
                {
                    var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
                    using var body = new MemoryStream();
                    await section.Body.CopyToAsync(body);
                    parts.Add(new CapturedPart(
                        HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                        disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                        section.ContentType,
                        body.ToArray()));
                }
            }

            server._requests.Enqueue(new CapturedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(), contentType, parts));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseJson);
        });
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
