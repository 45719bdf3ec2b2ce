using System;
using System.Linq;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private TableFlowEmulator _emulator = null!;
    private TableFlowClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { TimeProvider = _clock });
        _client = _emulator.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_run_is_processing_until_the_processing_time_has_passed_then_completed_with_history_times_and_duration()
    {
        _emulator.AddFlow("f", f => f.File("doc", required: true));
        var started = await RunAsync("f");

        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        var during = await _client.GetFlowRunAsync(started.Id);
        Assert.Equal(FlowRunStatus.Processing, during.Status);
        Assert.Null(during.EndTime);
        Assert.Equal(TimeSpan.Zero, during.Duration);
        Assert.Equal(FlowRunStatus.Processing, _emulator.FindRun(started.Id)!.Status);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var done = await _client.GetFlowRunAsync(started.Id);
        Assert.Equal(FlowRunStatus.Completed, done.Status);
        Assert.Equal(["Flow started via api", "Flow completed successfully"], done.StatusHistory.Select(h => h.Message));
        Assert.Equal([FlowRunStatus.Processing, FlowRunStatus.Completed], done.StatusHistory.Select(h => h.Status));
        Assert.Equal(ManualClock.Start, done.StartTime);
        Assert.Equal(ManualClock.Start.AddSeconds(2), done.EndTime);
        Assert.Equal(TimeSpan.FromSeconds(2), done.Duration);
        Assert.Equal(ManualClock.Start.AddSeconds(2), done.UpdatedAt);
        Assert.Equal(ManualClock.Start, done.CreatedAt);
        Assert.Null(done.Error);
    }

    [Fact]
    public async Task With_no_processing_time_the_run_request_still_answers_processing_and_the_next_read_is_completed()
    {
        _emulator.AddFlow("instant", f => f.File("doc").ProcessingTime(TimeSpan.Zero));
        var started = await RunAsync("instant");
        Assert.Equal(FlowRunStatus.Processing, started.Status);
        Assert.Single(started.StatusHistory);
        Assert.Null(started.EndTime);

        var done = await _client.GetFlowRunAsync(started.Id);
        Assert.Equal(FlowRunStatus.Completed, done.Status);
        Assert.Equal(TimeSpan.Zero, done.Duration);
    }

    [Fact]
    public async Task A_flows_processing_time_overrides_the_emulators()
    {
        _emulator.AddFlow("slow", f => f.File("doc").ProcessingTime(TimeSpan.FromMinutes(5)));
        var run = await RunAsync("slow");
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(FlowRunStatus.Processing, (await _client.GetFlowRunAsync(run.Id)).Status);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var done = await _client.GetFlowRunAsync(run.Id);
        Assert.Equal(FlowRunStatus.Completed, done.Status);
        Assert.Equal(TimeSpan.FromMinutes(5), done.Duration);
    }

    [Fact]
    public async Task A_flow_set_to_fail_ends_failed_with_its_error_in_the_run_and_the_history()
    {
        const string error = "Extraction step 'Extract Invoice' failed: Template not found";
        _emulator.AddFlow("f", f => f.File("doc").EndsWith(RunOutcome.Failed(error)));
        var run = await RunAsync("f");
        _clock.Advance(TimeSpan.FromSeconds(2));

        var failed = await _client.GetFlowRunAsync(run.Id);
        Assert.Equal(FlowRunStatus.Failed, failed.Status);
        Assert.Equal(error, failed.Error);
        Assert.Equal(error, failed.StatusHistory[^1].Message);
        Assert.Equal(ManualClock.Start.AddSeconds(2), failed.EndTime);
        Assert.Equal(TimeSpan.FromSeconds(2), failed.Duration);
    }

    [Fact]
    public async Task A_flow_set_to_review_pauses_there_until_the_review_is_resolved()
    {
        _emulator.AddFlow("f", f => f.File("doc").EndsWith(RunOutcome.Review));
        var run = await RunAsync("f");
        _clock.Advance(TimeSpan.FromSeconds(2));

        var inReview = await _client.GetFlowRunAsync(run.Id);
        Assert.Equal(FlowRunStatus.Review, inReview.Status);
        Assert.True(inReview.IsAwaitingReview);
        Assert.False(inReview.IsTerminal);
        Assert.Null(inReview.EndTime);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(FlowRunStatus.Review, (await _client.GetFlowRunAsync(run.Id)).Status);

        _emulator.ResolveReview(run.Id);
        var approved = await _client.GetFlowRunAsync(run.Id);
        Assert.Equal(FlowRunStatus.Completed, approved.Status);
        Assert.Equal(["processing", "review", "completed"], approved.StatusHistory.Select(h => h.StatusText));
        Assert.Equal(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(2), approved.Duration);
        Assert.Throws<InvalidOperationException>(() => _emulator.ResolveReview(run.Id));
    }

    [Fact]
    public async Task A_review_can_be_rejected_and_a_hook_can_choose_by_the_files_sent()
    {
        _emulator.AddFlow("f", f => f.File("doc").EndsWith(r => r.Files[0].FileName.StartsWith("check", StringComparison.Ordinal) ? RunOutcome.Review : null));
        var checkedRun = await RunAsync("f", fileName: "check-me.pdf");
        var plain = await RunAsync("f");
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(FlowRunStatus.Completed, (await _client.GetFlowRunAsync(plain.Id)).Status);
        Assert.Throws<ArgumentException>(() => _emulator.ResolveReview(checkedRun.Id, RunOutcome.Review));

        _emulator.ResolveReview(checkedRun.Id, RunOutcome.Failed("Rejected in review"));

        var rejected = await _client.GetFlowRunAsync(checkedRun.Id);
        Assert.Equal(FlowRunStatus.Failed, rejected.Status);
        Assert.Equal("Rejected in review", rejected.Error);
        Assert.Equal(["processing", "review", "failed"], rejected.StatusHistory.Select(h => h.StatusText));
    }

    [Fact]
    public async Task A_hook_fails_one_run_by_its_name_while_the_others_complete()
    {
        _emulator.AddFlow("f", f => f.File("doc").EndsWith(r => r.Name == "broken" ? RunOutcome.Failed("Template not found").After(TimeSpan.FromSeconds(1)) : null));
        var good = await RunAsync("f", "fine");
        var bad = await RunAsync("f", "broken");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FlowRunStatus.Failed, (await _client.GetFlowRunAsync(bad.Id)).Status);
        Assert.Equal(FlowRunStatus.Processing, (await _client.GetFlowRunAsync(good.Id)).Status);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FlowRunStatus.Completed, (await _client.GetFlowRunAsync(good.Id)).Status);
    }

    [Fact]
    public async Task SetOutcome_changes_a_processing_run_and_refuses_an_ended_one()
    {
        _emulator.AddFlow("f", f => f.File("doc"));
        var run = await RunAsync("f");
        _emulator.SetOutcome(run.Id, RunOutcome.Failed("boom"));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("boom", (await _client.GetFlowRunAsync(run.Id)).Error);
        Assert.Throws<InvalidOperationException>(() => _emulator.SetOutcome(run.Id, RunOutcome.Completed));
        Assert.Throws<ArgumentException>(() => _emulator.SetOutcome("nope", RunOutcome.Completed));
    }

    [Fact]
    public async Task ConfigureFlow_changes_how_later_runs_of_an_existing_flow_end()
    {
        _emulator.AddFlow("f", f => f.Name("Kept").File("doc", required: true));
        _emulator.ConfigureFlow("f", f => f.EndsWith(RunOutcome.Review).ProcessingTime(TimeSpan.Zero));
        var run = await RunAsync("f");
        var now = await _client.GetFlowRunAsync(run.Id);
        Assert.Equal(FlowRunStatus.Review, now.Status);
        Assert.Equal("Kept", now.Flow!.Name);
        Assert.Throws<ArgumentException>(() => _emulator.AddFlow("f", f => f.File("doc")));
    }

    private Task<FlowRun> RunAsync(string flowId, string? name = null, string fileName = "a.pdf")
        => _client.RunFlowAsync(flowId, new FlowRunRequest { Name = name }.AddFile("doc", FlowFile.FromBytes(new byte[] { 1 }, fileName)));
}
