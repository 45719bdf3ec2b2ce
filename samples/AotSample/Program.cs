using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AotSample;
using TableFlow;

// A Native AOT program using the generated typed client. Usage:
//   AotSample                  prints the declared flow (no network)
//   AotSample <base-address>   runs the flow there and waits for the result, then extracts the receipt with the typed
//                              template and reads it back; the key comes from TABLEFLOW_API_KEY.
//                              The emulator serves one:
//                              dotnet run --project runtime/TableFlow.Testing -- --port 5080 --flows samples/AotSample/tableflow.json
Console.WriteLine($"flow {ExpenseClaim.FlowId}: {string.Join(", ", ExpenseClaim.Fields)}");
PrintTemplateExample();

var baseAddress = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("TABLEFLOW_BASE_ADDRESS");
if (string.IsNullOrEmpty(baseAddress))
{
    Console.WriteLine("Pass a TableFlow base address (or set TABLEFLOW_BASE_ADDRESS) to run the flow.");
    return 0;
}

var options = new TableFlowClientOptions
{
    BaseAddress = new Uri(baseAddress),
    PollingInterval = TimeSpan.FromMilliseconds(100),
    WaitTimeout = TimeSpan.FromMinutes(1),
};
using var client = new TableFlowClient(options);
var claim = new ExpenseClaim(client);

try
{
    FlowRun run = await claim.RunAsync(
        FlowFile.FromBytes("%PDF-1.4 receipt: 42.00 EUR"u8.ToArray(), "receipt.pdf"),
        supporting: [FlowFile.FromBytes("Approved. -- M."u8.ToArray(), "approval.txt")],
        receiptMetadata: new JsonObject { ["cost_center"] = "4711" },
        name: "AOT sample",
        metadata: new JsonObject { ["source"] = "aot-sample", ["attempt"] = 1 });
    Console.WriteLine($"run {run.Id}: {run.StatusText}");

    run = await client.WaitForFlowRunAsync(run, new FlowRunWaitOptions { Timeout = TimeSpan.FromMinutes(2) });
    Console.WriteLine($"status: {run.StatusText}");
    Console.WriteLine($"metadata: {run.Metadata?.ToJsonString()}");
    if (run.Status != FlowRunStatus.Completed) return 1;

    // The same receipt through the typed template: upload, wait, then every row of its table, all over HTTP.
    Extraction extraction = await ReceiptData.ExtractAsync(client, FlowFile.FromBytes("%PDF-1.4 receipt: 42.00 EUR"u8.ToArray(), "receipt.pdf"),
        name: "AOT sample", metadata: new JsonObject { ["source"] = "aot-sample" });
    extraction = await client.WaitForExtractionAsync(extraction.Id, new ExtractionWaitOptions { Timeout = TimeSpan.FromMinutes(2) });
    Console.WriteLine($"extraction {extraction.Id}: {extraction.StatusText}");
    var read = await ReceiptData.ReadAsync(client, extraction.Id);
    Console.WriteLine($"extracted: {read.Value.Merchant}, {read.Value.TotalAmount} on {read.Value.PurchaseDate:yyyy-MM-dd}, " +
        $"{string.Join(" + ", read.Value.Lines.Select(l => $"{l.Quantity} x {l.Item} = {l.Amount}"))}, {read.Issues.Count} issues");
    return extraction.Status == ExtractionStatus.Completed && !read.HasErrors ? 0 : 1;
}
catch (TableFlowException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// A typed template read from an extraction built here (no network), so that trimming and AOT analysis cover the
// generated template code and the conversions it calls: "1,5" is not an invariant-culture number, so it becomes an issue.
static void PrintTemplateExample()
{
    var extraction = new Extraction
    {
        Id = "offlineExtraction1",
        TemplateId = ReceiptData.TemplateId,
        Status = ExtractionStatus.Completed,
        Fields = new Dictionary<string, ExtractedValue>
        {
            ["merchant"] = Value("\"Café Central\""),
            ["total"] = Value("42.00"),
            ["purchase_date"] = Value("\"2026-11-28T00:00:00Z\""),
        },
        Tables = new Dictionary<string, ExtractionTable>
        {
            ["lines"] = new()
            {
                Key = "lines",
                Rows =
                [
                    new ExtractionRow(0, new Dictionary<string, ExtractedValue> { ["item"] = Value("\"Espresso\""), ["quantity"] = Value("\"2\""), ["amount"] = Value("\"7.00\"") }),
                    new ExtractionRow(1, new Dictionary<string, ExtractedValue> { ["item"] = Value("\"Cake\""), ["quantity"] = Value("1"), ["amount"] = Value("\"1,5\"") }),
                ],
            },
        },
    };

    var result = ReceiptData.FromExtraction(extraction);
    var receipt = result.Value;
    Console.WriteLine($"template {ReceiptData.TemplateId}: {receipt.Merchant}, {receipt.TotalAmount} on {receipt.PurchaseDate:yyyy-MM-dd}, {receipt.Lines.Count} lines");
    foreach (var issue in result.Issues) Console.WriteLine($"issue: {issue}");

    static ExtractedValue Value(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ExtractedValue(document.RootElement);
    }
}
