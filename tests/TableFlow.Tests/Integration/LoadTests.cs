using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Testing;
using Xunit.Abstractions;

namespace TableFlow.Tests.Integration;

/// <summary>
/// One client, 500 typed runs at once against the emulator while it answers 429s, 503s and dropped connections —
/// some of them after it has started the run. Every call ends with its run or a <see cref="TableFlowException"/>
/// whose <see cref="TableFlowException.RunMayHaveStarted"/> agrees with what the emulator recorded, no call starts two
/// runs, and memory stays bounded. The figures go to the test output (see docs/benchmarks.md).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Calls = 500;

    [Fact]
    public async Task Five_hundred_concurrent_typed_runs_under_injected_faults_each_end_with_their_run_or_an_honest_exception()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var retainedAtStart = GC.GetTotalMemory(forceFullCollection: true);
        var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMinutes(5) });
        emulator.AddFlow(SeedFlow.FlowId, f => f.File("purchase_order", required: true).File("invoice", required: true));

        // One fault per run request, shuffled among as many requests that go through (a zero delay answers normally).
        var random = new Random(20261129);
        var faults = Enumerable.Repeat(Fault.Status(429), 120)
            .Concat(Enumerable.Repeat(Fault.Status(429, retryAfter: TimeSpan.FromSeconds(30)), 20))
            .Concat(Enumerable.Repeat(Fault.Status(503), 40))
            .Concat(Enumerable.Repeat(Fault.Drop(), 40))
            .Concat(Enumerable.Repeat(Fault.Status(503).AfterProcessing(), 30))
            .Concat(Enumerable.Repeat(Fault.Drop().AfterProcessing(), 30))
            .Concat(Enumerable.Repeat(Fault.Delay(TimeSpan.Zero), 320))
            .OrderBy(_ => random.Next())
            .ToList();
        foreach (var fault in faults) emulator.Faults.Next(1, fault, method: "POST", path: "/v2/flows/*/run");

        var client = emulator.CreateClient(new TableFlowClientOptions
        {
            MaxRetries = 4,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            RequestTimeout = TimeSpan.FromSeconds(60),
        });
        var flow = new SeedFlow(client);
        var po = new byte[4 * 1024];
        var invoice = new byte[4 * 1024];
        random.NextBytes(po);
        random.NextBytes(invoice);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async i =>
        {
            try
            {
                var run = await flow.RunAsync(
                    FlowFile.FromBytes(po, "po.pdf"),
                    FlowFile.FromBytes(invoice, "invoice.pdf"),
                    metadata: new JsonObject { ["call_id"] = CallId(i) });
                return (Call: i, Run: (FlowRun?)run, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (Call: i, Run: (FlowRun?)null, Error: e);
            }
        }));

        var elapsed = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retainedAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();

        var recorded = emulator.Runs
            .GroupBy(r => r.Metadata?["call_id"]?.GetValue<string>() ?? "(none)")
            .ToDictionary(g => g.Key, g => g.ToList());
        var succeeded = 0;
        var mayHaveStartedWithRun = 0;
        var mayHaveStartedWithoutRun = 0;
        var notStarted = 0;
        foreach (var (call, run, error) in outcomes)
        {
            recorded.TryGetValue(CallId(call), out var runs);
            var count = runs?.Count ?? 0;
            Assert.True(count <= 1, $"call {call} started {count} runs");
            if (run is not null)
            {
                succeeded++;
                Assert.Equal(runs![0].Id, run.Id);
                continue;
            }

            var failure = Assert.IsAssignableFrom<TableFlowException>(error);
            if (failure.RunMayHaveStarted)
            {
                if (count == 1) mayHaveStartedWithRun++;
                else mayHaveStartedWithoutRun++;
                Assert.Contains("ListFlowRunsAsync", failure.Message);
            }
            else
            {
                notStarted++;
                Assert.True(count == 0, $"call {call} said the run did not start, but the emulator started {runs?[0].Id}: {failure.Message}");
            }
        }

        var posts = emulator.Requests.Count(r => r.Method == "POST");
        var runCount = emulator.Runs.Count;
        client.Dispose();
        await emulator.DisposeAsync();
        var retainedAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{Calls} calls in {elapsed.TotalSeconds:0.00} s, {posts} run requests ({posts - Calls} re-sent after 429)");
        output.WriteLine($"succeeded {succeeded}; failed, run may have started: {mayHaveStartedWithRun} with a run recorded, {mayHaveStartedWithoutRun} without; failed, not started: {notStarted}");
        output.WriteLine($"allocated {allocated / 1048576.0:0.0} MiB in all ({allocated / Calls / 1024.0:0.0} KiB per call, client and emulator together)");
        output.WriteLine($"retained after a full GC: {(retainedAfter - retainedBefore) / 1048576.0:0.0} MiB more than before the calls (emulator with its runs, pools and 500 connections alive), {(retainedAtEnd - retainedAtStart) / 1048576.0:0.0} MiB once client and emulator are disposed; peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB");

        Assert.Equal(Calls, succeeded + mayHaveStartedWithRun + mayHaveStartedWithoutRun + notStarted);
        Assert.Equal(runCount, succeeded + mayHaveStartedWithRun);
        Assert.True(mayHaveStartedWithRun > 0, "no fault struck after a run had started; the test would prove nothing");
        Assert.True(notStarted > 0 && mayHaveStartedWithoutRun > 0 && succeeded > Calls / 2, "the fault mix did not come through");

        // Generous bounds: while alive the emulator keeps every run (with its files) and every request, and both sides
        // keep pooled buffers and connections; once both are disposed nothing of the 500 calls may stay behind.
        Assert.True(retainedAfter - retainedBefore < 256L * 1024 * 1024, $"{retainedAfter - retainedBefore} bytes held after the calls");
        Assert.True(retainedAtEnd - retainedAtStart < 32L * 1024 * 1024, $"{retainedAtEnd - retainedAtStart} bytes still held once client and emulator were disposed");
        Assert.True(allocated / Calls < 1024L * 1024, $"{allocated / Calls} bytes allocated per call");
    }

    private static string CallId(int i) => "call-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}
