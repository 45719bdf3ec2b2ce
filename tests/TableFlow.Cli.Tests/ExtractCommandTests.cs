using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Cli.Tests;

/// <summary>
/// <c>tableflow extract</c> against the emulator: what reaches the API, the fields, rows and issues it prints, the CSV
/// it writes, its exit codes.
/// </summary>
public sealed class ExtractCommandTests
{
    private const string TemplateId = "JlLZVabDjYWzu7C9";

    /// <summary>The object form of tableflow.json with one extraction template and its sample result.</summary>
    private const string TemplatesJson = """
        {
          "flows": [],
          "templates": [
            { "id": "Bx9wKm4nRt7vP3cQ", "name": "Purchase Order",
              "fields": [ { "key": "po_number", "name": "PO Number" }, { "key": "buyer", "name": "Buyer" } ],
              "tables": [ { "key": "lines", "name": "Lines",
                            "columns": [ { "key": "sku" }, { "key": "description" }, { "key": "quantity", "data_type": "number" } ] } ],
              "result": {
                "fields": { "po_number": "PO-123", "buyer": "Acme, Inc." },
                "tables": { "lines": [
                  { "sku": "A-100", "description": "Steel bracket, 40 mm", "quantity": "200" },
                  { "sku": "B-220", "description": "Hex bolt \"M8\"", "quantity": 500 },
                  { "sku": "C-310", "description": "Gasket", "quantity": null } ] }
              } }
          ]
        }
        """;

    [Fact]
    public async Task Wait_prints_the_fields_every_row_read_and_the_issues_and_the_emulator_received_exactly_the_upload()
    {
        using var ws = new Workspace();
        var document = Encoding.ASCII.GetBytes("%PDF-1.4 invoice INV-20230415 " + new string('x', 4000));
        ws.Write("acme-invoice.pdf", document);
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(200) });
        // 150 rows: more than the 100 the extraction embeds, so a count of 150 shows the rows endpoint was read.
        emulator.AddTemplate(TemplateId, t => t.Name("Invoice Template")
            .Field("invoice_number", value: "INV-20230415")
            .Field("total_amount", "number", value: "1245.75")
            .Field("due_date", "date", value: null, validations: [EmulatedValidation.NotBlank(message: "The due date is missing.")])
            .Table("line_items", l =>
            {
                l.Column("description").Column("quantity", "number", validations: [EmulatedValidation.NotBlank(message: "A line needs a quantity.")]);
                for (var i = 0; i < 150; i++) l.Row($"Item {i}", i == 120 ? null : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }));

        var result = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey),
            "extract", "acme-invoice.pdf", "-t", TemplateId,
            "--name", "Acme April invoice", "--guidance", "Amounts are in USD.", "--metadata", "{\"user_id\": \"123\", \"reference\": \"INV-2023-04-15\"}",
            "--wait", "--rows", "3", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Stderr);
        var extraction = Assert.Single(emulator.Extractions);
        Assert.Equal(TemplateId, extraction.TemplateId);
        Assert.Equal("acme-invoice.pdf", extraction.FileName);
        Assert.Equal("application/pdf", extraction.ContentType);
        using (var received = new MemoryStream())
        {
            await using (var content = extraction.OpenContent()) await content.CopyToAsync(received);
            Assert.Equal(document, received.ToArray());
        }

        Assert.Equal("Acme April invoice", extraction.Name);
        Assert.Equal("Amounts are in USD.", extraction.Guidance);
        Assert.Equal("{\"user_id\":\"123\",\"reference\":\"INV-2023-04-15\"}", extraction.Metadata!.ToJsonString());

        var lines = result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal($"Started extraction {extraction.Id} with template {TemplateId}: processing", lines[0]);
        Assert.Contains(lines, l => l.EndsWith(" completed: Extraction completed", StringComparison.Ordinal));
        Assert.Contains($"Extraction {extraction.Id} completed: acme-invoice.pdf, template Invoice Template ({TemplateId})", lines);
        // The fields table: key, value, issues on one line each.
        Assert.Matches(@"│ invoice_number +│ INV-20230415 +│ +│", result.Stdout);
        Assert.Matches(@"│ total_amount +│ 1245\.75 +│ +│", result.Stdout);
        Assert.Matches(@"│ due_date +│ +│ error: The due date is missing\. +│", result.Stdout);
        // Every row read through the rows endpoint, the first three shown.
        Assert.Contains("Table line_items (Line Items): 150 rows read, showing the first 3 (--rows N shows more)", lines);
        Assert.Matches(@"│ 0 +│ Item 0 +│ 1 +│ +│", result.Stdout);
        Assert.Matches(@"│ 2 +│ Item 2 +│ 3 +│ +│", result.Stdout);
        Assert.DoesNotContain("Item 3 ", result.Stdout);
        Assert.Contains(emulator.Requests, r => r.Method == "GET" && r.Path == $"/v2/extractions/{extraction.Id}/tables/line_items/rows");
        // The issues of the fields and of rows beyond those shown (row 120 is past the embedded first page too).
        Assert.Contains("Validation issues (2)", lines);
        Assert.Contains("  due_date: error: The due date is missing. (not_blank)", lines);
        Assert.Contains("  line_items[120].quantity: error: A line needs a quantity. (not_blank)", lines);
    }

    [Fact]
    public async Task A_template_from_tableflow_json_with_csv_writes_exactly_the_tables_download_and_json_has_every_row()
    {
        using var ws = new Workspace();
        ws.Write("tableflow.json", TemplatesJson);
        ws.Write("po.pdf", "%PDF-1.4 purchase order PO-123"u8.ToArray());
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = ws.PathOf("tableflow.json"), ProcessingTime = TimeSpan.FromMilliseconds(100) });
        var url = emulator.BaseAddress.ToString();
        var key = CliProcess.WithKey(emulator.ApiKey);

        // No --template: auto, which the emulator answers with its only template.
        var toFile = await CliProcess.RunAsync(ws.Root, key, "extract", "po.pdf", "--csv", "lines", "--output", "lines.csv", "--base-url", url);
        var toStdout = await CliProcess.RunAsync(ws.Root, key, "extract", "po.pdf", "--template", "Bx9wKm4nRt7vP3cQ", "--csv", "lines", "--base-url", url);
        var json = await CliProcess.RunAsync(ws.Root, key, "extract", "po.pdf", "-t", "Bx9wKm4nRt7vP3cQ", "--wait", "--json", "--base-url", url);

        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(3, emulator.Extractions.Count);
        Assert.All(emulator.Extractions, e => Assert.Equal("Bx9wKm4nRt7vP3cQ", e.TemplateId));
        const string expected = "sku,description,quantity\r\nA-100,\"Steel bracket, 40 mm\",200\r\nB-220,\"Hex bolt \"\"M8\"\"\",500\r\nC-310,Gasket,\r\n";
        Assert.Equal(expected, ws.Read("lines.csv"));
        Assert.Equal(expected, toStdout.Stdout); // stdout carries the CSV alone
        Assert.Empty(toStdout.Stderr);
        Assert.Contains($"Wrote table lines of extraction {emulator.Extractions[0].Id} to lines.csv ({expected.Length} bytes).", toFile.Stdout);

        var printed = JsonNode.Parse(json.Stdout)!.AsObject();
        Assert.Equal(emulator.Extractions[2].Id, (string?)printed["id"]);
        Assert.Equal("completed", (string?)printed["status"]);
        Assert.Equal("Acme, Inc.", (string?)printed["data"]!["fields"]!["values"]!["buyer"]);
        var rows = printed["data"]!["tables"]!["lines"]!["rows"]!.AsArray();
        Assert.Equal(new[] { "A-100", "B-220", "C-310" }, rows.Select(r => (string?)r!["values"]!["sku"]));
        Assert.Equal(500, (int)rows[1]!["values"]!["quantity"]!); // a JSON number stays one
    }

    [Fact]
    public async Task A_failed_extraction_and_a_wait_that_times_out_exit_with_1()
    {
        using var ws = new Workspace();
        ws.Write("scan.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100) });
        emulator.AddTemplate("unreadable000001", t => t.Field("total").Fails("Extraction failed: unreadable document"));
        emulator.AddTemplate("slowTemplate0001", t => t.Field("total").ProcessingTime(TimeSpan.FromMinutes(5)));

        var failed = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey), "extract", "scan.png", "-t", "unreadable000001", "--wait", "--base-url", emulator.BaseAddress.ToString());
        var timedOut = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey), "extract", "scan.png", "-t", "slowTemplate0001", "--csv", "any", "--timeout", "0.5", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("failed: Extraction failed: unreadable document", failed.Stdout);
        Assert.Contains($"Extraction {emulator.Extractions[0].Id} failed: scan.png", failed.Stdout);
        Assert.DoesNotContain("Fields", failed.Stdout);
        Assert.True(timedOut.ExitCode == 1, timedOut.ToString());
        Assert.Empty(timedOut.Stdout);
        Assert.Equal($"error: extraction {emulator.Extractions[1].Id} was still processing after waiting 0.5 s; it goes on in TableFlow (wait longer with --timeout <seconds>).", Assert.Single(timedOut.ErrorLines));
    }

    [Fact]
    public async Task A_download_the_API_refuses_exits_with_2_and_leaves_no_file()
    {
        using var ws = new Workspace();
        ws.Write("invoice.pdf", "%PDF-1.4 invoice"u8.ToArray());
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(50) });
        emulator.AddTemplate(TemplateId, t => t.Table("line_items", l => l.Column("description").Row("Chair")));
        emulator.Faults.Next(1, Fault.Status(403), "GET", "/v2/extractions/*/tables/line_items/download");

        var result = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey),
            "extract", "invoice.pdf", "-t", TemplateId, "--csv", "line_items", "-o", "out.csv", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: The TableFlow API answered 403", line);
        Assert.Contains(emulator.Requests, r => r.Path.EndsWith("/download", StringComparison.Ordinal) && r.StatusCode == 403);
        Assert.False(File.Exists(ws.PathOf("out.csv")));
    }

    public static TheoryData<string, string[], bool, string> BadInputs => new()
    {
        // name, arguments, whether an extraction is made, a fragment of the error line
        { "missing file", ["extract", "nope.pdf", "-t", TemplateId], false, "error: file not found: 'nope.pdf'." },
        { "unknown template", ["extract", "invoice.pdf", "-t", "unknownTemplate1"], false, "Template 'unknownTemplate1' was not found in this workspace." },
        { "empty template", ["extract", "invoice.pdf", "--template", ""], false, "error: The template id is empty; pass a template's id, or \"auto\" to let TableFlow choose one." },
        { "bad --metadata JSON", ["extract", "invoice.pdf", "-t", TemplateId, "--metadata", "{\"reference\": 12"], false, "error: --metadata is not valid JSON" },
        { "unknown --csv table", ["extract", "invoice.pdf", "-t", TemplateId, "--csv", "line_itemz"], true, "has no table 'line_itemz' (its tables: line_items); nothing was downloaded." },
        { "--output without --csv", ["extract", "invoice.pdf", "-t", TemplateId, "--output", "out.csv"], false, "error: --output is where --csv writes a table; add --csv <table key>." },
        { "no key", ["extract", "invoice.pdf", "-t", TemplateId], false, "error: no API key: pass --api-key or set TABLEFLOW_API_KEY." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_exits_with_2_and_one_line(string name, string[] arguments, bool uploads, string expected)
    {
        using var ws = new Workspace();
        ws.Write("invoice.pdf", "%PDF-1.4 invoice"u8.ToArray());
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(50) });
        emulator.AddTemplate(TemplateId, t => t.Field("invoice_number", value: "INV-1").Table("line_items", l => l.Column("description").Row("Chair")));

        var result = await CliProcess.RunAsync(ws.Root, name == "no key" ? null : CliProcess.WithKey(emulator.ApiKey),
            [.. arguments, "--base-url", emulator.BaseAddress.ToString()]);

        Assert.True(result.ExitCode == 2, $"{name}: {result}");
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain(" at TableFlow", result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.Equal(uploads ? 1 : 0, emulator.Extractions.Count);
        Assert.Equal(name is "unknown template" or "unknown --csv table", emulator.Requests.Any(r => r.Path == "/v2/extractions/upload"));
        Assert.DoesNotContain(emulator.Requests, r => r.Path.EndsWith("/download", StringComparison.Ordinal));
        Assert.False(File.Exists(ws.PathOf("out.csv")));
    }
}
