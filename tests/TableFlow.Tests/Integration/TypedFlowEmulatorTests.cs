using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Tests.Integration;

/// <summary>The typed flow end to end against the emulator over loopback HTTP: run, wait, completed.</summary>
public sealed class TypedFlowEmulatorTests
{
    [Fact]
    public async Task Seed_flow_runs_to_completion_against_the_emulator()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(300) });
        emulator.AddFlow(SeedFlow.FlowId, f => f.File("purchase_order", required: true).File("invoice", required: true));
        using var client = emulator.CreateClient(new TableFlowClientOptions { PollingInterval = TimeSpan.FromMilliseconds(50) });
        var po = Path.Combine(Path.GetTempPath(), $"po-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(po, "%PDF-1.4 purchase order"u8.ToArray());
        try
        {
            var started = await new SeedFlow(client).RunAsync(
                FlowFile.FromPath(po),
                FlowFile.FromBytes("%PDF-1.4 invoice"u8.ToArray(), "invoice.pdf"),
                purchaseOrderMetadata: new JsonObject { ["po_number"] = "PO-123" },
                name: "PO-123 Reconciliation",
                metadata: new JsonObject { ["customer_id"] = "12345" });

            Assert.Equal(FlowRunStatus.Processing, started.Status);
            Assert.Equal(SeedFlow.FlowId, started.FlowId);

            var finished = await client.WaitForFlowRunAsync(started.Id);

            Assert.Equal(FlowRunStatus.Completed, finished.Status);
            Assert.Equal(new[] { FlowRunStatus.Processing, FlowRunStatus.Completed }, finished.StatusHistory.Select(h => h.Status));
            Assert.NotNull(finished.EndTime);
            Assert.True(finished.Duration > TimeSpan.Zero);
            Assert.Equal("12345", finished.Metadata?["customer_id"]?.GetValue<string>());
            Assert.Equal(SeedFlow.FlowId, finished.Flow?.Id);

            var recorded = Assert.Single(emulator.Runs);
            Assert.Equal(started.Id, recorded.Id);
            Assert.Equal("PO-123 Reconciliation", recorded.Name);
            Assert.Equal("12345", recorded.Metadata?["customer_id"]?.GetValue<string>());
            Assert.Equal(new[] { "purchase_order", "invoice" }, recorded.Files.Select(f => f.PartName));
            Assert.Equal((Path.GetFileName(po), "application/pdf"), (recorded.Files[0].FileName, recorded.Files[0].ContentType));
            Assert.Equal("%PDF-1.4 invoice", recorded.Files[1].ReadAsString());
            Assert.Equal("PO-123", recorded.Field("purchase_order")?.Metadata?["po_number"]?.GetValue<string>());
            Assert.StartsWith("The PO number may include revision info", recorded.Field("purchase_order")?.Guidance);
            Assert.Null(recorded.Field("invoice")?.Guidance);
        }
        finally
        {
            File.Delete(po);
        }
    }

    [Fact]
    public void Generated_fields_describe_the_declaration()
    {
        Assert.Equal("dk4g1tUg1uHLs8YU", SeedFlow.FlowId);
        Assert.Equal(
            new[] { ("purchase_order", "PurchaseOrder", true, false), ("invoice", "Invoice", true, false) },
            SeedFlow.Fields.Select(f => (f.Key, f.PropertyName, f.Required, f.Multiple)));
        Assert.StartsWith("The PO number", SeedFlow.Fields[0].DefaultGuidance);
        Assert.Equal(
            new[] { ("contract", true, false), ("delivery_note", false, false), ("attachments", false, true) },
            ShapesFlow.Fields.Select(f => (f.Key, f.Required, f.Multiple)));
    }
}
