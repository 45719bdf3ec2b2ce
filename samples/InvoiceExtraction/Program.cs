using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InvoiceExtraction;
using TableFlow;
using TableFlow.Testing;

// Extracts the invoice beside this program (or the file given as the first argument) with the invoice template and
// prints it as the typed InvoiceData. With TABLEFLOW_API_KEY set it calls the real API (the template id in
// InvoiceData.cs must then be one of your workspace's templates); without it, it starts the local emulator in-process,
// which serves the template in tableflow.json.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var here = AppContext.BaseDirectory;
var path = args.Length > 0 ? args[0] : Path.Combine(here, "documents", "invoice.pdf");
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
    // A missing file is an ArgumentException/FileNotFoundException here, before anything is uploaded.
    var extraction = await InvoiceData.ExtractAsync(client, FlowFile.FromPath(path), name: Path.GetFileName(path), cancellationToken: cancel.Token);
    Console.WriteLine($"Uploaded {Path.GetFileName(path)} as extraction {extraction.Id} (template {InvoiceData.TemplateId}): {extraction.StatusText}");

    extraction = await client.WaitForExtractionAsync(extraction.Id, new ExtractionWaitOptions { Timeout = TimeSpan.FromMinutes(10) }, cancel.Token);
    if (extraction.Status != ExtractionStatus.Completed)
    {
        Console.Error.WriteLine($"Extraction {extraction.Id} ended {extraction.StatusText}.");
        return 1;
    }

    // Every row of every declared table, across the rows endpoint's pages; values that do not convert become issues.
    var result = await InvoiceData.ReadAsync(client, extraction.Id, cancel.Token);
    var invoice = result.Value;
    Console.WriteLine();
    Console.WriteLine($"Invoice {invoice.InvoiceNumber} of {invoice.InvoiceDate:yyyy-MM-dd} from {invoice.Seller}, for {invoice.PurchaseOrder}");
    Console.WriteLine($"{"Item",-8} {"Description",-24} {"Qty",6} {"Unit price",11} {"Amount",10}");
    foreach (var line in invoice.LineItems)
    {
        Console.WriteLine($"{line.Item,-8} {line.Description,-24} {line.Quantity,6} {line.UnitPrice,11:0.00} {line.Amount,10:0.00}");
    }

    var sum = invoice.LineItems.Sum(l => l.Amount ?? 0m);
    Console.WriteLine($"{"Total",-8} {"",-24} {"",6} {"",11} {invoice.TotalAmount,10:0.00}{(sum == invoice.TotalAmount ? "" : $"  (the lines add up to {sum:0.00})")}");

    Console.WriteLine();
    Console.WriteLine(result.Issues.Count == 0 ? "No issues." : $"{result.Issues.Count} issue(s):");
    foreach (var issue in result.Issues) Console.WriteLine($"  {issue}");
    return result.HasErrors ? 1 : 0;
}
catch (ExtractionWaitTimeoutException e)
{
    Console.Error.WriteLine(e.Message); // the extraction goes on; its last known state is e.LastExtraction
    return 3;
}
catch (Exception e) when (e is TableFlowException or ArgumentException or IOException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
finally
{
    client.Dispose();
    if (emulator is not null) await emulator.DisposeAsync();
}
