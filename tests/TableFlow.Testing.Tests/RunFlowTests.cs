using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

public sealed class RunFlowTests
{
    [Fact]
    public async Task The_seed_curl_request_is_accepted_and_answered_with_a_processing_run()
    {
        var clock = new ManualClock();
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { TimeProvider = clock });
        emulator.AddSeedFlow();
        using var http = emulator.CreateHttpClient();

        using var response = await http.SendAsync(Seed.Post(Seed.FlowId, Seed.CurlRequest().ToContent()));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(body);
        var run = json.RootElement;
        var start = ManualClock.Start.ToUnixTimeSeconds();
        Assert.Matches("^[A-Za-z0-9]{16}$", run.GetProperty("id").GetString());
        Assert.Equal(Seed.FlowId, run.GetProperty("flow_id").GetString());
        Assert.Equal(TableFlowEmulatorOptions.DefaultWorkspaceId, run.GetProperty("workspace_id").GetString());
        Assert.Equal("processing", run.GetProperty("status").GetString());
        var history = Assert.Single(run.GetProperty("status_history").EnumerateArray());
        Assert.Equal("processing", history.GetProperty("status").GetString());
        Assert.Equal(start, history.GetProperty("time").GetInt64());
        Assert.Equal("Flow started via api", history.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        Assert.Equal("{\"customer_id\":\"12345\"}", run.GetProperty("metadata").GetRawText());
        Assert.Equal("api", run.GetProperty("trigger_method").GetString());
        Assert.Equal(start, run.GetProperty("start_time").GetInt64());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("end_time").ValueKind);
        Assert.Equal(0, run.GetProperty("duration").GetInt64());
        Assert.Empty(run.GetProperty("drive_files").EnumerateObject());
        Assert.False(run.TryGetProperty("flow", out _), "the run answer of POST …/run carries no flow summary");
        Assert.Equal(start, run.GetProperty("created_at").GetInt64());
        Assert.Equal(start, run.GetProperty("updated_at").GetInt64());

        var recorded = Assert.Single(emulator.Runs);
        Assert.Equal(run.GetProperty("id").GetString(), recorded.Id);
        Assert.Equal("PO-123 Reconciliation", recorded.Name);
        Assert.Equal("12345", (string?)recorded.Metadata!["customer_id"]);
        var po = recorded.Field("purchase_order")!;
        Assert.Equal("PO-123", (string?)po.Metadata!["po_number"]);
        Assert.Equal(Seed.Guidance, po.Guidance);
        Assert.Equal("po.pdf", Assert.Single(po.Files).FileName);
        Assert.Equal(Seed.PurchaseOrder, po.Files[0].Content.ToArray());
        Assert.Equal(Seed.Invoice, recorded.Field("invoice")!.Files[0].Content.ToArray());
        Assert.Null(recorded.Field("attachments"));
    }

    [Fact]
    public async Task The_client_runs_a_flow_with_every_field_and_the_emulator_records_exactly_what_it_sent()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddSeedFlow();
        using var client = emulator.CreateClient();
        var attachment1 = RandomNumberGenerator.GetBytes(200_000);
        var attachment2 = "delivery note"u8.ToArray();
        var request = new FlowRunRequest { Name = "PO-123 Reconciliation", Metadata = new JsonObject { ["customer_id"] = "12345", ["priority"] = 2 } }
            .AddFile("purchase_order", FlowFile.FromBytes(Seed.PurchaseOrder, "po.pdf"), new JsonObject { ["po_number"] = "PO-123" }, Seed.Guidance)
            .AddFile("invoice", FlowFile.FromBytes(Seed.Invoice, "invoice.png"))
            .AddFiles("attachments", [FlowFile.FromBytes(attachment1, "scan.bin", "application/octet-stream"), FlowFile.FromBytes(attachment2, "note.txt")], guidance: "ignore stamps");

        var run = await client.RunFlowAsync(Seed.FlowId, request);

        Assert.Equal(FlowRunStatus.Processing, run.Status);
        Assert.Equal(Seed.FlowId, run.FlowId);
        Assert.Equal(FlowTriggerMethod.Api, run.TriggerMethod);
        Assert.Equal(2, (int)run.Metadata!["priority"]!);
        var recorded = emulator.FindRun(run.Id)!;
        Assert.Equal(["purchase_order", "invoice", "attachments_1", "attachments_2"], recorded.Files.Select(f => f.PartName));
        Assert.Equal(["application/pdf", "image/png", "application/octet-stream"], recorded.Files.Take(3).Select(f => f.ContentType));
        var attachments = recorded.Field("attachments")!;
        Assert.Equal("ignore stamps", attachments.Guidance);
        Assert.Equal([1, 2], attachments.Files.Select(f => f.Index!.Value));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(attachment1)), attachments.Files[0].Sha256);
        Assert.Equal(attachment1.Length, attachments.Files[0].Length);
        Assert.Equal("delivery note", attachments.Files[1].ReadAsString());
        Assert.Equal(Seed.Guidance, recorded.Field("purchase_order")!.Guidance);
    }

    [Fact]
    public async Task A_file_name_with_non_ascii_letters_reaches_the_emulator_intact()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow("f1", f => f.File("doc", required: true));
        using var client = emulator.CreateClient();

        var run = await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("doc", FlowFile.FromBytes("x"u8.ToArray(), "Rechnung für Müller.pdf")));

        Assert.Equal("Rechnung für Müller.pdf", emulator.FindRun(run.Id)!.Files[0].FileName);
    }

    [Fact]
    public async Task A_file_name_with_quotes_reaches_the_emulator_intact()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow("f1", f => f.File("doc", required: true));
        using var client = emulator.CreateClient();

        var run = await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("doc", FlowFile.FromBytes("x"u8.ToArray(), "the \"final\" invoice.pdf")));

        Assert.Equal("the \"final\" invoice.pdf", emulator.FindRun(run.Id)!.Files[0].FileName);
    }

    [Fact]
    public async Task Runs_get_distinct_ids_and_are_listed_in_the_order_they_were_accepted()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow("f1", f => f.File("doc", required: true));
        using var client = emulator.CreateClient();

        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            client.RunFlowAsync("f1", new FlowRunRequest { Name = "run " + i }.AddFile("doc", FlowFile.FromBytes(new byte[] { 1 }, "a.pdf")))));

        Assert.Equal(5, ids.Select(r => r.Id).Distinct().Count());
        Assert.Equal(ids.Select(r => r.Id).OrderBy(x => x), emulator.Runs.Select(r => r.Id).OrderBy(x => x));
        Assert.All(ids, r => Assert.NotNull(emulator.FindRun(r.Id)));
        Assert.Null(emulator.FindRun("nope"));
    }
}
