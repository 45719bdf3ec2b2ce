using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
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
/// and the form at <c>/</c>.
/// </summary>
public static class UploadApiApp
{
    /// <summary>The largest upload taken (both files and the name): 1 GiB. The files are streamed, so it costs no memory.</summary>
    public const long MaxUploadBytes = 1L << 30;

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

        var emulator = await StartEmulatorUnlessKeyConfiguredAsync(builder.Configuration);
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
        }

        app.MapGet("/", () => Results.Stream(typeof(UploadApiApp).Assembly.GetManifestResourceStream("UploadApi.index.html")!, "text/html; charset=utf-8"));
        app.MapPost("/reconciliations", StartAsync).DisableAntiforgery();
        app.MapGet("/reconciliations/{id}", ReadAsync);
        return app;
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
