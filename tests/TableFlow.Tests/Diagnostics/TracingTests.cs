using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Tests.Diagnostics;

/// <summary>The <c>TableFlow</c> activity source, seen by a listener as an OpenTelemetry exporter sees it, over real HTTP against the emulator.</summary>
public sealed class TracingTests
{
    private const string FlowId = "trace0flow000001";

    [Fact]
    public async Task A_run_and_its_wait_are_activities_with_the_polls_and_HttpClient_nested_under_them()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(200) });
        emulator.AddFlow(FlowId, f => f.File("invoice", required: true));
        using var client = emulator.CreateClient(new TableFlowClientOptions { PollingInterval = TimeSpan.FromMilliseconds(20) });
        using var capture = new TelemetryCapture(emulator.BaseAddress);

        var started = await client.RunFlowAsync(FlowId, new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes("%PDF-1.4 invoice"u8.ToArray(), "invoice.pdf")));
        var before = Activity.Current;
        var finished = await client.WaitForFlowRunAsync(started);

        Assert.Same(before, Activity.Current); // the wait's activity does not leak into the caller
        var activities = capture.Activities;
        var run = Assert.Single(activities, a => a.OperationName == "TableFlow RunFlow");
        Assert.Equal(ActivityKind.Client, run.Kind);
        Assert.Equal(capture.Root.SpanId, run.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, run.Status);
        Assert.Equal(FlowId, run.GetTagItem("tableflow.flow.id"));
        Assert.Equal(started.Id, run.GetTagItem("tableflow.run.id"));
        Assert.Equal("processing", run.GetTagItem("tableflow.run.status"));
        Assert.Equal(0, run.GetTagItem("tableflow.retry.count"));
        Assert.Equal("POST", run.GetTagItem("http.request.method"));
        Assert.Equal("/v2/flows/{flow_id}/run", run.GetTagItem("url.template"));
        Assert.Equal(200, run.GetTagItem("http.response.status_code"));
        Assert.Equal(emulator.BaseAddress.Host, run.GetTagItem("server.address"));
        Assert.Equal(emulator.BaseAddress.Port, run.GetTagItem("server.port"));
        Assert.Null(run.GetTagItem("error.type"));
        Assert.Equal("TableFlow", run.Source.Name);
        Assert.Equal(typeof(TableFlowClient).Assembly.GetName().Version?.ToString(), run.Source.Version);

        var wait = Assert.Single(activities, a => a.OperationName == "TableFlow WaitForFlowRun");
        Assert.Equal(ActivityKind.Internal, wait.Kind);
        Assert.Equal(started.Id, wait.GetTagItem("tableflow.run.id"));
        Assert.Equal(FlowId, wait.GetTagItem("tableflow.flow.id"));
        Assert.Equal("completed", wait.GetTagItem("tableflow.run.status"));
        var polls = activities.Where(a => a.OperationName == "TableFlow GetFlowRun").ToList();
        Assert.NotEmpty(polls);
        Assert.All(polls, p =>
        {
            Assert.Equal(wait.SpanId, p.ParentSpanId);
            Assert.Equal(ActivityKind.Client, p.Kind);
            Assert.Equal(started.Id, p.GetTagItem("tableflow.run.id"));
            Assert.Equal("/v2/flows/runs/{run_id}", p.GetTagItem("url.template"));
        });
        Assert.Equal("completed", polls[^1].GetTagItem("tableflow.run.status"));
        Assert.Equal(FlowRunStatus.Completed, finished.Status);

        // HttpClient's own activity sits under the call that sent it.
        var tableFlowSpans = activities.Select(a => a.SpanId).ToHashSet();
        var http = capture.AllActivities.Where(a => a.Source.Name == "System.Net.Http").ToList();
        Assert.Equal(1 + polls.Count, http.Count);
        Assert.All(http, h => Assert.Contains(h.ParentSpanId, tableFlowSpans));
        Assert.Contains(http, h => h.ParentSpanId == run.SpanId);
    }

    [Fact]
    public async Task A_failed_call_has_status_Error_its_error_type_and_the_retries_it_took()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        using var client = emulator.CreateClient(new TableFlowClientOptions { RetryDelay = TimeSpan.FromMilliseconds(5) });
        emulator.Faults.Next(2, Fault.Status(503), method: "GET");
        using var capture = new TelemetryCapture(emulator.BaseAddress);

        var error = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("noSuchRun000001"));

        Assert.Equal(404, (int)error.StatusCode);
        var read = Assert.Single(capture.Activities);
        Assert.Equal("TableFlow GetFlowRun", read.OperationName);
        Assert.Equal(ActivityStatusCode.Error, read.Status);
        Assert.Equal("404", read.StatusDescription);
        Assert.Equal("404", read.GetTagItem("error.type"));
        Assert.Equal(404, read.GetTagItem("http.response.status_code"));
        Assert.Equal(2, read.GetTagItem("tableflow.retry.count"));
        Assert.Equal("noSuchRun000001", read.GetTagItem("tableflow.run.id"));
        Assert.Empty(read.Events); // no exception event: its message could name a caller's file
    }

    [Fact]
    public async Task A_run_request_that_times_out_has_error_type_timeout()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow(FlowId, f => f.File("invoice", required: true));
        using var client = emulator.CreateClient(new TableFlowClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 0 });
        emulator.Faults.Next(1, Fault.Delay(TimeSpan.FromSeconds(10)), method: "POST");
        using var capture = new TelemetryCapture(emulator.BaseAddress);

        var error = await Assert.ThrowsAsync<TableFlowException>(
            () => client.RunFlowAsync(FlowId, new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[] { 1, 2, 3 }, "i.pdf"))));

        Assert.True(error.RunMayHaveStarted);
        var run = Assert.Single(capture.Activities, a => a.OperationName == "TableFlow RunFlow");
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal("timeout", run.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_listing_has_one_activity_per_page()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero });
        emulator.AddFlow(FlowId, f => f.File("invoice", required: true));
        using var client = emulator.CreateClient();
        for (var i = 0; i < 3; i++) await client.RunFlowAsync(FlowId, new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[] { 1, 2, 3 }, "i.pdf")));
        using var capture = new TelemetryCapture(emulator.BaseAddress);

        var runs = await client.ListFlowRunsAsync(new FlowRunQuery { FlowId = FlowId, Limit = 2 }).ToListAsync();

        Assert.Equal(3, runs.Count);
        var pages = capture.Activities.Where(a => a.OperationName == "TableFlow ListFlowRuns").ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Equal(capture.Root.SpanId, p.ParentSpanId));
        Assert.All(pages, p => Assert.Equal(FlowId, p.GetTagItem("tableflow.flow.id")));
    }
}
