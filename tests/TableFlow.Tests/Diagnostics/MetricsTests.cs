using System;
using System.Linq;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Tests.Diagnostics;

/// <summary>The <c>TableFlow</c> meter's instruments, read by a <see cref="System.Diagnostics.Metrics.MeterListener"/> over real HTTP against the emulator.</summary>
public sealed class MetricsTests
{
    private const string FlowId = "metric0flow00001";

    [Fact]
    public async Task Runs_started_outcomes_durations_and_retries_are_counted()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100) });
        emulator.AddFlow(FlowId, f => f.File("invoice", required: true).EndsWith(RunOutcome.Failed("extraction failed")));
        using var client = emulator.CreateClient(new TableFlowClientOptions { PollingInterval = TimeSpan.FromMilliseconds(20), RetryDelay = TimeSpan.FromMilliseconds(5) });
        using var capture = new TelemetryCapture(emulator.BaseAddress);

        var run = await client.RunFlowAsync(FlowId, new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[] { 1, 2, 3 }, "invoice.pdf")));
        emulator.Faults.Next(1, Fault.Status(429), method: "GET");
        var finished = await client.WaitForFlowRunAsync(run);
        emulator.Faults.Next(1, Fault.Status(503), method: "POST");
        await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync(FlowId, new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[] { 1 }, "i.pdf"))));

        Assert.Equal(FlowRunStatus.Failed, finished.Status);
        var startedRuns = capture.Of("tableflow.client.runs.started");
        var one = Assert.Single(startedRuns);
        Assert.Equal((1d, FlowId), (one.Value, one.Tags["tableflow.flow.id"]));

        var outcomes = capture.Of("tableflow.client.run.outcomes");
        Assert.Equal(new[] { ("failed", FlowId), ("unknown", FlowId) }, outcomes.Select(o => ((string)o.Tags["tableflow.run.status"]!, (string)o.Tags["tableflow.flow.id"]!)));

        var retry = Assert.Single(capture.Of("tableflow.client.retries"));
        Assert.Equal(("GetFlowRun", "429"), (retry.Tags["tableflow.operation"], retry.Tags["error.type"]));

        var durations = capture.Of("tableflow.client.request.duration");
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 30));
        var runCalls = durations.Where(d => (string)d.Tags["tableflow.operation"]! == "RunFlow").ToList();
        Assert.Equal(2, runCalls.Count);
        Assert.False(runCalls[0].Tags.ContainsKey("error.type"));
        Assert.Equal(200, runCalls[0].Tags["http.response.status_code"]);
        Assert.Equal(("503", 503), (runCalls[1].Tags["error.type"], runCalls[1].Tags["http.response.status_code"]));
        Assert.Contains(durations, d => (string)d.Tags["tableflow.operation"]! == "GetFlowRun" && d.Tags["http.request.method"] as string == "GET");
        Assert.All(capture.Measurements, m => Assert.DoesNotContain("tableflow.run.id", m.Tags.Keys)); // one series per run would flood a backend
    }
}
