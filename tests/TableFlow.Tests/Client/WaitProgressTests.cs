using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Extractions;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>
/// <see cref="FlowRunWaitOptions.Progress"/> and <see cref="ExtractionWaitOptions.Progress"/>: a wait tells the caller of
/// every read, in order and before it returns, so a program can show the status as it changes.
/// </summary>
public sealed class WaitProgressTests
{
    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Reports { get; } = new();

        public void Report(T value) => Reports.Add(value);
    }

    [Fact]
    public async Task A_run_wait_reports_each_read_in_order_the_last_being_the_run_it_returns()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, RunJson.Run("r1", n switch
        {
            1 => "processing",
            2 => "queued_for_gpu",
            _ => "completed",
        })));
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMilliseconds(10));
        var progress = new Recorder<FlowRun>();

        var run = await client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Progress = progress });

        Assert.Equal(["processing", "queued_for_gpu", "completed"], progress.Reports.Select(r => r.StatusText));
        Assert.Same(run, progress.Reports[^1]);
        Assert.Equal(server.RequestCount, progress.Reports.Count);
    }

    [Fact]
    public async Task A_run_wait_that_times_out_has_reported_every_read_before_it_throws()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMilliseconds(50));
        var progress = new Recorder<FlowRun>();

        var e = await Assert.ThrowsAsync<FlowRunWaitTimeoutException>(
            () => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions { Timeout = TimeSpan.FromMilliseconds(400), Progress = progress }));

        Assert.NotEmpty(progress.Reports);
        Assert.All(progress.Reports, r => Assert.Equal(FlowRunStatus.Processing, r.Status));
        Assert.Same(e.LastRun, progress.Reports[^1]);
    }

    [Fact]
    public async Task A_progress_that_throws_ends_the_wait_with_its_exception()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMilliseconds(10));
        var reports = 0;

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.WaitForFlowRunAsync("r1", new FlowRunWaitOptions
        {
            Progress = new Reporter<FlowRun>(_ => throw new InvalidOperationException($"stop after {++reports}")),
        }));

        Assert.Equal("stop after 1", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_extraction_wait_reports_each_read_in_order_the_last_being_the_extraction_it_returns()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, n switch
        {
            1 => ExtractionJson.InStatus(ExtractionJson.Id, "created"),
            2 => ExtractionJson.InStatus(ExtractionJson.Id, "processing"),
            _ => ExtractionJson.NewerGet,
        }));
        using var client = TestClients.Create(server, o => o.PollingInterval = TimeSpan.FromMilliseconds(10));
        var progress = new Recorder<Extraction>();

        var extraction = await client.WaitForExtractionAsync(ExtractionJson.Id, new ExtractionWaitOptions { Progress = progress });

        Assert.Equal([ExtractionStatus.Created, ExtractionStatus.Processing, ExtractionStatus.Completed], progress.Reports.Select(x => x.Status));
        Assert.Same(extraction, progress.Reports[^1]);
    }

    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
