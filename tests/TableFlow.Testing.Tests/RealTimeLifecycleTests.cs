using System;
using System.Linq;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

/// <summary>The client waiting on runs in real time, as a user's test would.</summary>
public sealed class RealTimeLifecycleTests
{
    [Fact]
    public async Task WaitForFlowRunAsync_returns_the_completed_run_after_the_processing_time()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(300) });
        emulator.AddSeedFlow();
        using var client = emulator.CreateClient();
        var run = await client.RunFlowAsync(Seed.FlowId, new FlowRunRequest()
            .AddFile("purchase_order", FlowFile.FromBytes(Seed.PurchaseOrder, "po.pdf"))
            .AddFile("invoice", FlowFile.FromBytes(Seed.Invoice, "invoice.pdf")));

        var done = await client.WaitForFlowRunAsync(run.Id);

        Assert.Equal(FlowRunStatus.Completed, done.Status);
        Assert.Equal(TimeSpan.FromMilliseconds(300), done.Duration);
        Assert.Equal("PO to Invoice Reconciliation", done.Flow!.Name);
        Assert.True(emulator.Requests.Count(r => r.Method == "GET") >= 2, "the client polled while the run was processing");
    }

    [Fact]
    public async Task WaitForFlowRunAsync_returns_a_failed_run_with_its_error()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100) });
        emulator.AddFlow("f", f => f.File("doc", required: true).EndsWith(RunOutcome.Failed("Template not found")));
        using var client = emulator.CreateClient();
        var run = await client.RunFlowAsync("f", new FlowRunRequest().AddFile("doc", FlowFile.FromBytes(new byte[] { 1 }, "a.pdf")));

        var done = await client.WaitForFlowRunAsync(run.Id);

        Assert.Equal(FlowRunStatus.Failed, done.Status);
        Assert.Equal("Template not found", done.Error);
    }
}
