using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TableFlow;
using TableFlow.Testing;

namespace UploadApi;

/// <summary>
/// A minimal ASP.NET Core app that takes a purchase order and an invoice from a browser form and starts the
/// reconciliation flow with them, streaming the files through: <c>POST /reconciliations</c>, <c>GET /reconciliations/{id}</c>,
/// the form at <c>/</c>, and <c>POST /webhooks/tableflow</c>, which keeps the finished runs TableFlow reports for
/// <c>GET /reconciliations</c> and the page.
/// </summary>
public static class UploadApiApp
{
    /// <summary>The largest upload taken (both files and the name): 1 GiB. The files are streamed, so it costs no memory.</summary>
    public const long MaxUploadBytes = 1L << 30;

    /// <summary>Where TableFlow's webhooks are received.</summary>
    public const string WebhookPath = "/webhooks/tableflow";

    /// <summary>Builds the app; with no TableFlow key configured it starts the local emulator first, and stops it with the app.</summary>
    /// <param name="args">The command line (<c>--urls</c>, <c>--TableFlow:ApiKey=…</c>, …).</param>
    /// <returns>The app, not started.</returns>
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // snake_case, as TableFlow's own API; source-generated metadata for the answers.
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, UploadApiJson.Default);
        });

        // Against the emulator, the app and the emulator share a fresh webhook secret; against the API, the endpoint
        // takes the one TableFlow shows for it (TableFlow:WebhookSecret), and without one no endpoint is mapped.
        var emulator = await StartEmulatorUnlessKeyConfiguredAsync(builder.Configuration);
        if (emulator is not null)
        {
            builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("TableFlow:WebhookSecret", emulator.Webhooks.Secret)]);
        }

        builder.Services.AddSingleton<FinishedRuns>();
        if (emulator is not null) builder.Services.AddSingleton(_ => emulator);   // made by a factory, so the host disposes it
        builder.Services.AddTableFlow(options =>
        {
            if (emulator is null) return;
            options.ApiKey = emulator.ApiKey;
            options.BaseAddress = emulator.BaseAddress;
        }).AddFlow<PoReconciliation>();

        var app = builder.Build();
        if (emulator is not null)
        {
            app.Logger.LogInformation("No TableFlow key configured (TableFlow:ApiKey, TABLEFLOW_API_KEY): using the local emulator at {Address}", emulator.BaseAddress);
            _ = app.Services.GetRequiredService<TableFlowEmulator>();

            // The app's address is known only once it listens (--urls with port 0 takes any free port): then the
            // emulator is told to deliver its signed webhooks to the app's own endpoint.
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var url = new Uri(ListeningAddress(app), WebhookPath);
                emulator.Webhooks.AddUrl(url);
                app.Logger.LogInformation("The emulator sends its webhooks to {Url}", url);
            });
        }

        if (!string.IsNullOrWhiteSpace(app.Configuration["TableFlow:WebhookSecret"]))
        {
            app.MapTableFlowWebhooks(WebhookPath, KeepFinishedRunAsync);
        }
        else
        {
            app.Logger.LogWarning("No webhook secret configured (TableFlow:WebhookSecret): {Path} is not mapped, and GET /reconciliations lists nothing", WebhookPath);
        }

        app.MapGet("/", () => Results.Stream(typeof(UploadApiApp).Assembly.GetManifestResourceStream("UploadApi.index.html")!, "text/html; charset=utf-8"));
        app.MapPost("/reconciliations", StartAsync).DisableAntiforgery();
        app.MapGet("/reconciliations", (FinishedRuns runs) => Results.Ok(runs.List()));
        app.MapGet("/reconciliations/{id}", ReadAsync);
        return app;
    }

    private static Task KeepFinishedRunAsync(TableFlowEvent evt, IServiceProvider services, CancellationToken cancellationToken)
    {
        // Only run ends are kept; other events (extractions, …) are acknowledged and dropped.
        if (evt.FlowRun is { } run && evt.Type is "flow.run.completed" or "flow.run.failed")
        {
            services.GetRequiredService<FinishedRuns>().Add(new FinishedRun(evt.Type, evt.Id, DateTimeOffset.UtcNow, ReconciliationResponse.From(run)));
        }

        return Task.CompletedTask;
    }

    private static Uri ListeningAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server started without reporting its address.");

        // A wildcard (http://0.0.0.0:5000, http://[::]:5000, http://+:5000) is not an address to send to: loopback is.
        var uri = new UriBuilder(address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        uri.Path = "/";
        return uri.Uri;
    }

    private static async Task<IResult> StartAsync(HttpContext context, PoReconciliation flow, CancellationToken cancellationToken)
    {
        // Kestrel's default 30 MB cap would cut a large scan; the files are streamed, so a larger cap costs nothing.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxUploadBytes;

        UploadForm form;
        try
        {
            form = await UploadForm.ReadAsync(context.Request, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var run = await flow.RunAsync(purchaseOrder: form.PurchaseOrder, invoice: form.Invoice, name: form.Name, cancellationToken: cancellationToken);
            return Results.Created($"/reconciliations/{run.Id}", ReconciliationResponse.From(run, form.PurchaseOrder.FileName, form.InvoiceStream.FileName));
        }
        catch (Exception) when (form.InvoiceStream.Failure is { } failure)
        {
            // The form broke off mid-way (the invoice part was missing or not a PDF): the upload to TableFlow was abandoned.
            return Results.Problem(failure, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (TableFlowApiException e) when ((int)e.StatusCode is >= 400 and < 500 and not 401 and not 403 and not 429)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        catch (TableFlowException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static async Task<IResult> ReadAsync(string id, TableFlowClient client, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Ok(ReconciliationResponse.From(await client.GetFlowRunAsync(id, cancellationToken)));
        }
        catch (ArgumentException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (TableFlowApiException e) when ((int)e.StatusCode == 404)
        {
            return Results.Problem($"No reconciliation '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }
        catch (TableFlowException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static async Task<TableFlowEmulator?> StartEmulatorUnlessKeyConfiguredAsync(IConfiguration configuration)
    {
        // The one rule of every sample: a key configured anywhere means the real API; none means the local emulator.
        if (!string.IsNullOrWhiteSpace(configuration["TableFlow:ApiKey"])
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable)))
        {
            return null;
        }

        return await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = Path.Combine(AppContext.BaseDirectory, "tableflow.json") });
    }
}
