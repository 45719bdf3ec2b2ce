using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Cli.Tests;

/// <summary><c>tableflow run</c> against the emulator: what reaches the API, the status it prints, its exit codes.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_sends_exactly_the_seed_requests_parts_and_waits_for_completion()
    {
        using var ws = new Workspace();
        ws.Write("tableflow.json", Workspace.SeedFlowsJson);
        var po = "%PDF-1.4 purchase order PO-123"u8.ToArray();
        var invoice = "%PDF-1.4 invoice INV-9"u8.ToArray();
        ws.Write("po.pdf", po);
        ws.Write("invoice.pdf", invoice);
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = ws.PathOf("tableflow.json"), ProcessingTime = TimeSpan.FromMilliseconds(200) });

        // The seed's curl request, checked against ./tableflow.json (the working directory's).
        var result = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey),
            "run", "dk4g1tUg1uHLs8YU", "purchase_order=@po.pdf", "invoice=@invoice.pdf",
            "--name", "PO-123 Reconciliation",
            "--file-metadata", "purchase_order={\"po_number\": \"PO-123\"}",
            "--guidance", "purchase_order=The PO number may include revision info like REV:0 at the end; extract only the base number.",
            "--metadata", "{\"customer_id\": \"12345\"}",
            "--wait", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Stderr);
        var printed = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal("completed", (string?)printed["status"]);
        Assert.Equal("12345", (string?)printed["metadata"]!["customer_id"]);

        var run = Assert.Single(emulator.Runs);
        Assert.Equal(run.Id, (string?)printed["id"]);
        Assert.Equal("dk4g1tUg1uHLs8YU", run.FlowId);
        Assert.Equal("PO-123 Reconciliation", run.Name);
        Assert.Equal("{\"customer_id\":\"12345\"}", run.Metadata!.ToJsonString());
        Assert.Equal(new[] { "purchase_order", "invoice" }, run.Files.Select(f => f.PartName));
        Assert.Equal(new[] { "po.pdf", "invoice.pdf" }, run.Files.Select(f => f.FileName));
        Assert.Equal(new[] { "application/pdf", "application/pdf" }, run.Files.Select(f => f.ContentType));
        Assert.Equal(po, run.Files[0].Content.ToArray());
        Assert.Equal(invoice, run.Files[1].Content.ToArray());
        var poField = run.Field("purchase_order")!;
        Assert.Equal("{\"po_number\":\"PO-123\"}", poField.Metadata!.ToJsonString());
        Assert.Equal("The PO number may include revision info like REV:0 at the end; extract only the base number.", poField.Guidance);
        var invoiceField = run.Field("invoice")!;
        Assert.Null(invoiceField.Metadata);
        Assert.Null(invoiceField.Guidance);
        Assert.Equal(2, run.Fields.Count);
    }

    [Fact]
    public async Task A_key_given_twice_sends_numbered_parts_and_a_failed_run_exits_with_1()
    {
        using var ws = new Workspace();
        ws.Write("tableflow.json", Workspace.SeedFlowsJson);
        ws.Write("po.pdf", "%PDF po"u8.ToArray());
        ws.Write("invoice.pdf", "%PDF invoice"u8.ToArray());
        ws.Write("a.pdf", "%PDF a"u8.ToArray());
        ws.Write("b.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = ws.PathOf("tableflow.json"), ProcessingTime = TimeSpan.FromMilliseconds(100) });
        emulator.ConfigureFlow("dk4g1tUg1uHLs8YU", f => f.EndsWith(RunOutcome.Failed("Extraction step 'Extract Invoice' failed: Template not found")));

        var result = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey),
            "run", "dk4g1tUg1uHLs8YU", "purchase_order=@po.pdf", "invoice=@invoice.pdf", "attachments=@a.pdf", "attachments=@b.png",
            "--wait", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        var run = Assert.Single(emulator.Runs);
        Assert.Equal(new[] { "purchase_order", "invoice", "attachments_1", "attachments_2" }, run.Files.Select(f => f.PartName));
        Assert.Equal(new[] { "a.pdf", "b.png" }, run.Field("attachments")!.Files.Select(f => f.FileName));
        // The status as it changed, then the outcome with the API's error.
        Assert.Contains($"Started run {run.Id} of flow dk4g1tUg1uHLs8YU: processing", result.Stdout);
        Assert.Contains($"Run {run.Id} failed: Extraction step 'Extract Invoice' failed: Template not found", result.Stdout);
    }

    [Fact]
    public async Task Without_wait_the_run_is_started_and_a_wait_that_times_out_exits_with_1()
    {
        using var ws = new Workspace();
        ws.Write("po.pdf", "%PDF po"u8.ToArray());
        ws.Write("invoice.pdf", "%PDF invoice"u8.ToArray());
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMinutes(5) });
        emulator.AddFlow("dk4g1tUg1uHLs8YU", f => f.File("purchase_order", required: true).File("invoice", required: true));

        // No tableflow.json here: nothing to check against, the API decides.
        var started = await CliProcess.RunAsync(ws.Root, null,
            "run", "dk4g1tUg1uHLs8YU", "purchase_order=@po.pdf", "invoice=@invoice.pdf", "--api-key", emulator.ApiKey, "--base-url", emulator.BaseAddress.ToString());
        var timedOut = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey),
            "run", "dk4g1tUg1uHLs8YU", "purchase_order=@po.pdf", "invoice=@invoice.pdf", "--wait", "--timeout", "0.5", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Matches(@"^Started run \w+ of flow dk4g1tUg1uHLs8YU: processing\s*$", started.Stdout);
        Assert.True(timedOut.ExitCode == 1, timedOut.ToString());
        var line = Assert.Single(timedOut.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Equal(2, emulator.Runs.Count);
        Assert.Contains(emulator.Runs[1].Id, line);
    }

    [Fact]
    public async Task A_run_that_stops_for_review_exits_with_3()
    {
        using var ws = new Workspace();
        ws.Write("invoice.pdf", "%PDF invoice"u8.ToArray());
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100) });
        emulator.AddFlow("review0flow00001", f => f.File("invoice", required: true).EndsWith(RunOutcome.Review));

        var result = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey),
            "run", "review0flow00001", "invoice=@invoice.pdf", "--wait", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("review", (string?)JsonNode.Parse(result.Stdout)!["status"]);
    }
}
