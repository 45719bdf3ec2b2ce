using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TableFlow;
using TableFlow.Testing;

namespace BatchReconciliation;

/// <summary>
/// Reconciles every purchase order / invoice pair in a folder through one <see cref="TableFlowClient"/>, a few runs at a
/// time, with a live progress display, a results table and a CSV of outcomes.
/// </summary>
public static class BatchApp
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--documents"] = "Batch:Documents",
        ["--concurrency"] = "Batch:Concurrency",
        ["--csv"] = "Batch:Csv",
        ["--throttle"] = "Batch:Throttle",
    };

    /// <summary>Runs the batch.</summary>
    /// <param name="args">
    /// <c>--documents DIR</c> (default: <c>documents</c> beside the program), <c>--concurrency N</c> (default 4),
    /// <c>--csv FILE</c> (default <c>outcomes.csv</c>), <c>--throttle N</c> (offline only: the emulator answers the first N
    /// run requests with 429, default 2, to show the client waiting and sending them again), and any configuration such as
    /// <c>--TableFlow:ApiKey=…</c>.
    /// </param>
    /// <param name="console">Where to draw.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>0 when every run completed, 1 when some did not, 2 when the batch could not start.</returns>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, Switches);
        // The live display owns the console; the client's own errors surface as outcomes.
        builder.Logging.ClearProviders();

        var settings = builder.Configuration.GetSection("Batch");
        var folder = settings["Documents"] ?? Path.Combine(AppContext.BaseDirectory, "documents");
        var csv = Path.GetFullPath(settings["Csv"] ?? "outcomes.csv");
        if (!int.TryParse(settings["Concurrency"] ?? "4", CultureInfo.InvariantCulture, out var concurrency) || concurrency < 1)
        {
            console.MarkupLine("[red]--concurrency must be a whole number, 1 or more.[/]");
            return 2;
        }

        if (!Directory.Exists(folder))
        {
            console.MarkupLine($"[red]No folder {Markup.Escape(folder)}.[/]");
            return 2;
        }

        var pairs = DocumentPair.Find(folder, out var unpaired);
        foreach (var file in unpaired) console.MarkupLine($"[yellow]Skipped {Markup.Escape(Path.GetFileName(file))}: not a PO-<n> / INV-<n> pair.[/]");
        if (pairs.Count == 0)
        {
            console.MarkupLine($"[red]No PO-<n> / INV-<n> pairs in {Markup.Escape(folder)}.[/]");
            return 2;
        }

        await using var emulator = await StartEmulatorUnlessKeyConfiguredAsync(builder.Configuration, settings, console, cancellationToken);
        builder.Services.AddTableFlow(options =>
        {
            if (emulator is null) return;
            options.ApiKey = emulator.ApiKey;
            options.BaseAddress = emulator.BaseAddress;
            options.PollingInterval = TimeSpan.FromMilliseconds(250);
        }).AddFlow<PoReconciliationFlow>();

        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 2;
        }

        console.MarkupLine($"Reconciling {pairs.Count} pairs from {Markup.Escape(folder)}, {concurrency} at a time.");
        var outcomes = await ReconcileAllAsync(host.Services, pairs, concurrency, console, cancellationToken);
        await host.StopAsync(CancellationToken.None);

        console.Write(ResultsTable(outcomes));
        CsvReport.Write(csv, outcomes);
        var completed = outcomes.Count(o => o.Completed);
        var errors = outcomes.Count(o => o.Status == "error");
        console.MarkupLine($"{outcomes.Count} pairs: {completed} completed, {outcomes.Count - completed - errors} did not complete, {errors} errors. Outcomes: {Markup.Escape(csv)}");
        if (emulator is not null)
        {
            var throttled = emulator.Requests.Count(r => r.StatusCode == 429);
            console.MarkupLine($"The emulator answered {throttled} run requests with 429 Too Many Requests; the client waited as asked and sent them again.");
        }

        return completed == outcomes.Count ? 0 : 1;
    }

    private static async Task<TableFlowEmulator?> StartEmulatorUnlessKeyConfiguredAsync(
        IConfiguration configuration, IConfigurationSection settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        // The one rule of every sample: a key configured anywhere means the real API; none means the local emulator.
        if (!string.IsNullOrWhiteSpace(configuration["TableFlow:ApiKey"])
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable)))
        {
            console.MarkupLine($"Using the TableFlow API at {Markup.Escape(configuration["TableFlow:BaseAddress"] ?? TableFlowClientOptions.DefaultBaseAddress.ToString())}");
            return null;
        }

        var emulator = await TableFlowEmulator.StartAsync(
            new TableFlowEmulatorOptions { FlowsFile = Path.Combine(AppContext.BaseDirectory, "tableflow.json"), ProcessingTime = TimeSpan.FromSeconds(1.5) },
            cancellationToken);
        var throttle = int.TryParse(settings["Throttle"] ?? "2", CultureInfo.InvariantCulture, out var n) ? n : 2;
        if (throttle > 0) emulator.Faults.Next(throttle, TableFlow.Testing.Fault.Status(429, TimeSpan.FromSeconds(1)), "POST", "/v2/flows/*/run");
        console.MarkupLine($"No TableFlow key configured (TableFlow:ApiKey, {TableFlowClientOptions.ApiKeyEnvironmentVariable}): using the local emulator at {emulator.BaseAddress}");
        return emulator;
    }

    private static async Task<List<BatchOutcome>> ReconcileAllAsync(
        IServiceProvider services, IReadOnlyList<DocumentPair> pairs, int concurrency, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentDictionary<DocumentPair, BatchOutcome>();
        var batchId = Guid.NewGuid().ToString("N")[..12];
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = pairs.ToDictionary(p => p, p => context.AddTask(Describe(p, "queued"), maxValue: 2));
                // One client for the whole batch; at most `concurrency` runs uploading or processing at once.
                await Parallel.ForEachAsync(
                    pairs,
                    new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                    async (pair, token) => outcomes[pair] = await ReconcileAsync(services, pair, tasks[pair], batchId, token));
            });

        return pairs.Select(p => outcomes[p]).ToList();
    }

    private static async Task<BatchOutcome> ReconcileAsync(IServiceProvider services, DocumentPair pair, ProgressTask progress, string batchId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? runId = null;
        try
        {
            progress.Description = Describe(pair, "uploading");
            var flow = services.GetRequiredService<PoReconciliationFlow>();
            var run = await flow.RunAsync(
                purchaseOrder: FlowFile.FromPath(pair.PurchaseOrder),
                invoice: FlowFile.FromPath(pair.Invoice),
                name: $"PO-{pair.OrderNumber} reconciliation",
                metadata: new JsonObject { ["order_number"] = pair.OrderNumber, ["batch_id"] = batchId },
                cancellationToken: cancellationToken);
            runId = run.Id;
            progress.Increment(1);
            progress.Description = Describe(pair, "processing");

            run = await services.GetRequiredService<TableFlowClient>().WaitForFlowRunAsync(run, cancellationToken: cancellationToken);
            progress.Increment(1);
            progress.Description = Describe(pair, run.StatusText);
            return new BatchOutcome(pair, run.Id, run.StatusText, clock.Elapsed, run.Error);
        }
        catch (TableFlowException e)
        {
            progress.Description = Describe(pair, "error");
            return new BatchOutcome(pair, runId, "error", clock.Elapsed, e.Message);
        }
        finally
        {
            progress.StopTask();
        }
    }

    private static string Describe(DocumentPair pair, string state) => Markup.Escape($"PO-{pair.OrderNumber}: {state}");

    private static Table ResultsTable(IEnumerable<BatchOutcome> outcomes)
    {
        var table = new Table().AddColumns("Order", "Purchase order", "Invoice", "Run", "Status", "Seconds", "Error");
        foreach (var o in outcomes)
        {
            var color = o.Completed ? "green" : o.Status == "error" ? "red" : "yellow";
            table.AddRow(
                Markup.Escape(o.Pair.OrderNumber),
                Markup.Escape(Path.GetFileName(o.Pair.PurchaseOrder)),
                Markup.Escape(Path.GetFileName(o.Pair.Invoice)),
                Markup.Escape(o.RunId ?? "-"),
                $"[{color}]{Markup.Escape(o.Status)}[/]",
                o.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                Markup.Escape(o.Error ?? ""));
        }

        return table;
    }
}
