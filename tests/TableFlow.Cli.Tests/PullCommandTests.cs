using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Cli.Tests;

/// <summary><c>tableflow pull</c> against the emulator: the file it writes, the shapes and flags it keeps, what it says changed.</summary>
public sealed class PullCommandTests
{
    [Fact]
    public async Task Pull_writes_the_APIs_array_and_a_second_pull_finds_it_up_to_date()
    {
        using var ws = new Workspace();
        var served = ws.Write("served.json", Workspace.SeedFlowsJson);
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = served });

        var first = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey), "pull", "--base-url", emulator.BaseAddress.ToString());
        var written = ws.Read("tableflow.json");
        var second = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey), "pull", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("+ flow dk4g1tUg1uHLs8YU (PO to Invoice Reconciliation): 3 file field(s) purchase_order (required), invoice (required), attachments (optional, multiple)", first.Stdout);
        Assert.Contains("Wrote tableflow.json: 1 flow(s).", first.Stdout);

        // The API's shape, a bare array, as GET /v2/flows answered it.
        var flow = Assert.Single(JsonNode.Parse(written)!.AsArray())!.AsObject();
        Assert.Equal("dk4g1tUg1uHLs8YU", (string?)flow["id"]);
        Assert.Equal(TableFlowEmulatorOptions.DefaultWorkspaceId, (string?)flow["workspace_id"]);
        Assert.True((bool)flow["active"]!);
        var fields = flow["file_input_config"]!["file_fields"]!.AsArray();
        Assert.Equal(new[] { "purchase_order", "invoice", "attachments" }, fields.Select(f => (string?)f!["key"]));
        Assert.Equal("""{"key":"purchase_order","name":"Purchase Order","required":true,"file_types":["pdf","image"],"max_file_size":10485760}""", fields[0]!.ToJsonString());
        Assert.True((bool)fields[2]!["multiple"]!);
        var step = Assert.Single(flow["steps"]!.AsArray())!;
        Assert.Equal("""{"template_id":"Bx9wKm4nRt7vP3cQ","file_key":"purchase_order"}""", step["config"]!.ToJsonString());
        Assert.Equal(1, (int)step["order"]!);
        Assert.NotNull(flow["created_at"]);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("tableflow.json is up to date: 1 flow(s).", second.Stdout.Trim());
        Assert.Equal(written, ws.Read("tableflow.json"));
    }

    [Fact]
    public async Task Pull_keeps_the_object_shape_its_templates_and_the_files_multiple_flags_and_says_what_changed()
    {
        using var ws = new Workspace();
        // The service does not know "multiple": the served definitions have none.
        var served = ws.Write("served.json", """
            [{"id": "dk4g1tUg1uHLs8YU", "name": "PO to Invoice Reconciliation", "active": true,
              "file_input_config": {"file_fields": [
                 {"key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf"], "max_file_size": 5242880},
                 {"key": "invoice", "name": "Invoice", "required": true},
                 {"key": "attachments", "name": "Attachments", "required": false}]}},
             {"id": "newFlow000000001", "name": "Expenses", "active": true, "file_input_config": {"file_fields": [{"key": "receipt", "required": true}]}}]
            """);
        const string templates = """[{"id": "JlLZVabDjYWzu7C9", "name": "Invoice Template", "fields": [{"key": "invoice_number", "data_type": "string"}], "result": {"fields": {"invoice_number": "INV-1"}}}]""";
        ws.Write("flows.json", $$$"""
            {
              "note": "kept as it is",
              "flows": [
                {"id": "dk4g1tUg1uHLs8YU", "name": "PO to Invoice Reconciliation", "active": true,
                 "file_input_config": {"file_fields": [
                   {"key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760},
                   {"key": "invoice", "name": "Invoice", "required": false},
                   {"key": "delivery_note", "name": "Delivery Note", "required": false},
                   {"key": "attachments", "name": "Attachments", "required": false, "multiple": true}]}},
                {"id": "oldFlow000000001", "name": "Retired", "active": true, "file_input_config": {"file_fields": []}}
              ],
              "templates": {{{templates}}}
            }
            """);
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = served });

        var result = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey), "pull", "--output", "flows.json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
        Assert.Equal(new[]
        {
            "~ flow dk4g1tUg1uHLs8YU (PO to Invoice Reconciliation)",
            "  ~ field purchase_order: file_types [pdf, image] -> [pdf], max_file_size 10485760 -> 5242880",
            "  ~ field invoice: required false -> true",
            "  - field delivery_note",
            "+ flow newFlow000000001 (Expenses): 1 file field(s) receipt (required)",
            "- flow oldFlow000000001 (Retired) (no longer listed: removed or inactive)",
            "Wrote the \"flows\" of flows.json: 2 flow(s).",
        }, lines);

        var file = JsonNode.Parse(ws.Read("flows.json"))!.AsObject();
        Assert.Equal(new[] { "note", "flows", "templates" }, file.Select(p => p.Key));
        Assert.Equal("kept as it is", (string?)file["note"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(templates), file["templates"]));
        var flows = file["flows"]!.AsArray();
        Assert.Equal(new[] { "dk4g1tUg1uHLs8YU", "newFlow000000001" }, flows.Select(f => (string?)f!["id"]));
        var attachments = flows[0]!["file_input_config"]!["file_fields"]!.AsArray().Single(f => (string?)f!["key"] == "attachments")!;
        Assert.True((bool)attachments["multiple"]!);
        Assert.Null(flows[1]!["file_input_config"]!["file_fields"]![0]!["multiple"]);
    }
}
