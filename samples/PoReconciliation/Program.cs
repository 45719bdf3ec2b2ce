using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PoReconciliation;
using TableFlow;
using TableFlow.Testing;

// Runs the purchase-order reconciliation flow on the two documents beside this program.
// With TABLEFLOW_API_KEY set it calls the real API; without it, it starts the local emulator in-process.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var here = AppContext.BaseDirectory;
var apiKey = Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable);
TableFlowEmulator? emulator = null;
TableFlowClient client;
if (string.IsNullOrWhiteSpace(apiKey))
{
    emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = Path.Combine(here, "tableflow.json") }, cancel.Token);
    client = emulator.CreateClient(new TableFlowClientOptions { PollingInterval = TimeSpan.FromMilliseconds(500) });
    Console.WriteLine($"No {TableFlowClientOptions.ApiKeyEnvironmentVariable} set: using the local TableFlow emulator at {emulator.BaseAddress}");
}
else
{
    client = new TableFlowClient(new TableFlowClientOptions());
    Console.WriteLine($"Using the TableFlow API at {client.BaseAddress}");
}

try
{
    var flow = new PoReconciliationFlow(client);
    var run = await flow.RunAsync(
        purchaseOrder: FlowFile.FromPath(Path.Combine(here, "documents", "purchase-order.pdf")),
        invoice: FlowFile.FromPath(Path.Combine(here, "documents", "invoice.pdf")),
        purchaseOrderMetadata: new JsonObject { ["po_number"] = "PO-123" },
        name: "PO-123 Reconciliation",
        metadata: new JsonObject { ["customer_id"] = "12345" },
        cancellationToken: cancel.Token);

    Console.WriteLine($"Started run {run.Id} of flow {run.FlowId}: {run.StatusText}");
    Console.WriteLine("Waiting for the run to finish…");
    // Returns when the run is completed or failed, or paused for a person's review; ThroughReview = true would wait on.
    run = await client.WaitForFlowRunAsync(run, new FlowRunWaitOptions { Timeout = TimeSpan.FromMinutes(10) }, cancel.Token);
    if (run.IsAwaitingReview) Console.WriteLine("The run is waiting for a person's review in TableFlow.");

    Console.WriteLine($"Run {run.Id}: {run.StatusText} in {run.Duration.TotalSeconds:0.0} s");
    Console.WriteLine("Status history:");
    foreach (var change in run.StatusHistory)
    {
        Console.WriteLine($"  {change.Time:yyyy-MM-dd HH:mm:ss}Z  {change.StatusText,-10} {change.Message}");
    }

    if (run.Error is not null) Console.WriteLine($"Error: {run.Error}");
    return run.Status == FlowRunStatus.Completed ? 0 : 1;
}
catch (FlowRunWaitTimeoutException e)
{
    Console.Error.WriteLine(e.Message); // the run goes on; its last known state is e.LastRun
    return 3;
}
catch (TableFlowException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
finally
{
    client.Dispose();
    if (emulator is not null) await emulator.DisposeAsync();
}
