using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TableFlow.AspNetCore.Tests;

/// <summary>A real app on Kestrel at 127.0.0.1 (a free port), built the way a user's Program.cs builds one.</summary>
internal sealed class WebhookApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebhookApp> StartAsync(Action<WebApplication> map, IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (configuration is not null) builder.Configuration.AddInMemoryCollection(configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookApp(app, new Uri(address + "/"));
    }

    /// <summary>Posts a body signed with <paramref name="webhook"/>'s secret, as TableFlow (through Svix) would.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, TableFlowWebhook webhook, string id, string json, DateTimeOffset? timestamp = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var at = timestamp ?? DateTimeOffset.UtcNow;
        return PostAsync(path, body, id, at.ToUnixTimeSeconds().ToString(), webhook.Sign(id, at, body));
    }

    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? id, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (id is not null) request.Headers.Add("svix-id", id);
        if (timestamp is not null) request.Headers.Add("svix-timestamp", timestamp);
        if (signature is not null) request.Headers.TryAddWithoutValidation("svix-signature", signature);
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
