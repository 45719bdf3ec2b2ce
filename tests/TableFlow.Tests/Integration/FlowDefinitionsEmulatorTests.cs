using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Testing;
using TableFlow.Tests.Integration.Extractions;

namespace TableFlow.Tests.Integration;

/// <summary>
/// ListFlowsAsync against the emulator loaded from a tableflow.json in the object form (flows beside extraction
/// templates): the client reads back the file's flows, and the file's templates serve extractions from the same emulator.
/// </summary>
public sealed class FlowDefinitionsEmulatorTests : IDisposable
{
    private const string Json = """
        {
          "templates": [
            { "id": "InvoiceE2E000001", "name": "Invoice", "file_types": ["document"],
              "fields": [ { "key": "invoice_number", "name": "Invoice Number", "data_type": "string" } ],
              "tables": [ { "key": "line_items", "columns": [ { "key": "description", "data_type": "string" }, { "key": "quantity", "data_type": "number" } ] } ],
              "result": { "fields": { "invoice_number": "INV-7" }, "tables": { "line_items": [ { "description": "Chair", "quantity": "2" } ] } } }
          ],
          "flows": [
            { "id": "dk4g1tUg1uHLs8YU", "name": "PO to Invoice Reconciliation", "description": "Match a PO with its invoice", "active": true,
              "file_input_config": { "file_fields": [
                { "key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 1000 },
                { "key": "invoice", "name": "Invoice", "required": true, "file_types": ["pdf"] },
                { "key": "attachments", "name": "Attachments", "required": false, "multiple": true, "file_types": ["pdf", "xlsx"], "max_file_size": 100 }
              ] } },
            { "id": "second-flow", "name": "Second", "active": true,
              "file_input_config": { "file_fields": [ { "key": "scans", "name": "Scans", "required": false, "multiple": false } ] } },
            { "id": "retired-flow", "name": "Retired", "active": false,
              "file_input_config": { "file_fields": [ { "key": "old", "name": "Old", "required": true } ] } }
          ]
        }
        """;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tableflow-{Guid.NewGuid():N}.json");

    public FlowDefinitionsEmulatorTests() => File.WriteAllText(_file, Json);

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task ListFlowsAsync_reads_back_the_flows_of_an_object_form_file_and_its_templates_extract()
    {
        await using var emulator = (await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero })).LoadFlows(_file);
        using var client = emulator.CreateClient();

        var flows = await client.ListFlowsAsync();

        // GET /v2/flows lists active flows only.
        var expected = JsonNode.Parse(Json)!["flows"]!.AsArray().Where(f => (bool)f!["active"]!).ToArray();
        Assert.Equal(new[] { "dk4g1tUg1uHLs8YU", "second-flow" }, flows.Select(f => f.Id));
        Assert.Equal(expected.Select(f => (string)f!["id"]!), flows.Select(f => f.Id));
        for (var i = 0; i < flows.Count; i++)
        {
            var flow = flows[i];
            Assert.Equal((string?)expected[i]!["name"], flow.Name);
            Assert.True(flow.Active);
            var fields = expected[i]!["file_input_config"]!["file_fields"]!.AsArray();
            Assert.Equal(
                fields.Select(f => (
                    (string)f!["key"]!,
                    (string?)f["name"],
                    (bool)f["required"]!,
                    string.Join(",", f["file_types"]?.AsArray().Select(t => (string)t!) ?? []),
                    (long?)f["max_file_size"],
                    (bool?)f["multiple"] ?? false)),
                flow.FileFields.Select(f => (f.Key, f.Name, f.Required, string.Join(",", f.FileTypes), f.MaxFileSize, f.Multiple ?? false)));
        }

        Assert.Equal("Match a PO with its invoice", flows[0].Description);
        Assert.Equal(new[] { EmulatorTemplates.InvoiceId }, emulator.TemplateIds);
        var extraction = await EmulatedInvoice.ExtractAsync(client, FlowFile.FromBytes("%PDF-1.4"u8.ToArray(), "invoice.pdf"));
        var read = await EmulatedInvoice.ReadAsync(client, extraction.Id);
        Assert.Equal("INV-7", read.Value.InvoiceNumber);
        Assert.Equal(("Chair", (int?)2), (Assert.Single(read.Value.LineItems).Description, read.Value.LineItems[0].Quantity));
    }
}
