using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>GetFlowRunAsync and both ListFlowRunsAsync, over real HTTP.</summary>
public sealed class ReadTests
{
    [Fact]
    public async Task Documented_get_flow_run_example_is_parsed_field_by_field()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.DocumentedGetFlowRun));
        using var client = TestClients.Create(server);

        var run = await client.GetFlowRunAsync("Wp7kRnT2mX4vQ9bL");

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v2/flows/runs/Wp7kRnT2mX4vQ9bL", request.Path);
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Authorization);

        Assert.Equal("Wp7kRnT2mX4vQ9bL", run.Id);
        Assert.Equal("dk4g1tUg1uHLs8YU", run.FlowId);
        Assert.Equal("uT2bJNWN75YPU95r", run.WorkspaceId);
        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal("completed", run.StatusText);
        Assert.Collection(run.StatusHistory,
            h =>
            {
                Assert.Equal(FlowRunStatus.Processing, h.Status);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), h.Time);
                Assert.Equal("Flow started via api", h.Message);
            },
            h =>
            {
                Assert.Equal(FlowRunStatus.Completed, h.Status);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366258), h.Time);
                Assert.Equal("Flow completed successfully", h.Message);
            });
        Assert.Null(run.Error);
        Assert.Equal("12345", (string?)run.Metadata!["customer_id"]);
        Assert.Equal(FlowTriggerMethod.Api, run.TriggerMethod);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366258), run.EndTime);
        Assert.Equal(TimeSpan.FromSeconds(30), run.Duration);
        var drive = Assert.Single(run.DriveFiles);
        Assert.Equal("reconciliation", drive.Key);
        Assert.Equal("1ABC123DEF456", drive.Value.FileId);
        Assert.Equal("application/vnd.google-apps.spreadsheet", drive.Value.MimeType);
        var sheet = Assert.Single(drive.Value.Sheets);
        Assert.Equal(0, sheet.SheetId);
        Assert.Equal("Reconciliation Results", sheet.Title);
        Assert.NotNull(run.Flow);
        Assert.Equal("dk4g1tUg1uHLs8YU", run.Flow!.Id);
        Assert.Equal("uT2bJNWN75YPU95r", run.Flow.WorkspaceId);
        Assert.Equal("PO to Invoice Reconciliation", run.Flow.Name);
        Assert.Equal("…", run.Flow.Description);
        Assert.True(run.Flow.Active);
        var step = Assert.Single(run.Flow.Steps);
        Assert.Equal("step_1", step.Id);
        Assert.Equal("Extract Purchase Order", step.Title);
        Assert.Equal("extraction", step.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), run.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366258), run.UpdatedAt);
        Assert.True(run.IsTerminal);
        Assert.False(run.IsAwaitingReview);
    }

    [Fact]
    public async Task Unknown_values_extra_fields_and_nulls_are_taken_in_stride()
    {
        const string json = """
            {"id": "r9", "flow_id": "f1", "status": "archived", "trigger_method": "schedule", "brand_new_field": {"x": [1, 2]},
             "status_history": null, "metadata": null, "drive_files": null, "flow": null, "error": null,
             "start_time": 1682366228, "end_time": null, "duration": null, "created_at": 1682366228, "updated_at": 1682366228}
            """;
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, json));
        using var client = TestClients.Create(server);

        var run = await client.GetFlowRunAsync("r9");

        Assert.Equal(FlowRunStatus.Unknown, run.Status);
        Assert.Equal("archived", run.StatusText);
        Assert.Equal(FlowTriggerMethod.Unknown, run.TriggerMethod);
        Assert.Empty(run.StatusHistory);
        Assert.Empty(run.DriveFiles);
        Assert.Null(run.Flow);
        Assert.Null(run.Metadata);
        Assert.Null(run.EndTime);
        Assert.Equal(TimeSpan.Zero, run.Duration);
        Assert.False(run.IsTerminal);
        Assert.False(run.IsAwaitingReview);
    }

    [Theory]
    [InlineData("Completed", FlowRunStatus.Completed)]
    [InlineData(" REVIEW ", FlowRunStatus.Review)]
    [InlineData("Failed", FlowRunStatus.Failed)]
    public async Task Status_spelled_in_another_case_is_still_recognised(string status, FlowRunStatus expected)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", status)));
        using var client = TestClients.Create(server);

        var run = await client.GetFlowRunAsync("r1");

        Assert.Equal(expected, run.Status);
        Assert.Equal(status, run.StatusText);
    }

    [Fact]
    public async Task Base_address_with_a_path_prefix_is_kept()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "processing")));
        using var client = TestClients.Create(new Uri(server.BaseAddress, "gateway/tableflow"));

        await client.GetFlowRunAsync("r1");

        Assert.Equal("/gateway/tableflow/v2/flows/runs/r1", Assert.Single(server.Requests).Path);
    }

    private static string Page(string runs, string pagination) => "{\"flow_runs\": [" + runs + "], \"pagination\": {" + pagination + "}}";

    /// <summary>A server holding <paramref name="total"/> runs (ids run-0 …) that pages them like the API.</summary>
    private static Func<HttpContext, Task> PagingServer(int total, bool omitNextOffsetAtEnd = false)
        => context =>
        {
            var offset = int.TryParse(context.Request.Query["offset"], out var o) ? o : 0;
            var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 100;
            var runs = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, total - offset))).Select(i => RunJson.Run($"run-{i}", "completed"));
            var next = offset + limit < total ? (offset + limit).ToString() : "null";
            var nextField = next == "null" && omitNextOffsetAtEnd ? "" : $", \"next_offset\": {next}";
            return Respond.Json(context, 200, Page(string.Join(",", runs), $"\"total\": {total}, \"limit\": {limit}, \"offset\": {offset}{nextField}, \"filter\": \"all\""));
        };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task List_follows_next_offset_across_pages_until_it_ends(bool omitNextOffsetAtEnd)
    {
        await using var server = await LoopbackServer.StartAsync(PagingServer(5, omitNextOffsetAtEnd));
        using var client = TestClients.Create(server);

        var ids = new List<string>();
        await foreach (var run in client.ListFlowRunsAsync(new FlowRunQuery { Limit = 2 })) ids.Add(run.Id);

        Assert.Equal(new[] { "run-0", "run-1", "run-2", "run-3", "run-4" }, ids);
        Assert.Equal(new[] { "?limit=2", "?limit=2&offset=2", "?limit=2&offset=4" }, server.Requests.Select(r => r.Query));
        Assert.All(server.Requests, r => Assert.Equal("/v2/flows/runs", r.Path));
    }

    [Fact]
    public async Task List_sends_every_filter_escaped()
    {
        await using var server = await LoopbackServer.StartAsync(PagingServer(1));
        using var client = TestClients.Create(server);

        var runs = await client.ListFlowRunsAsync(new FlowRunQuery { Status = FlowRunStatus.Review, FlowId = "flow id&x", Limit = 50, Offset = 0 }).ToListAsync();

        Assert.Single(runs);
        Assert.Equal("?status=review&flow_id=flow%20id%26x&limit=50&offset=0", Assert.Single(server.Requests).Query);
    }

    [Fact]
    public async Task List_with_a_null_query_lists_every_run()
    {
        await using var server = await LoopbackServer.StartAsync(PagingServer(2));
        using var client = TestClients.Create(server);

        var runs = await client.ListFlowRunsAsync(null).ToListAsync();

        Assert.Equal(2, runs.Count);
        Assert.Equal(("/v2/flows/runs", ""), (Assert.Single(server.Requests).Path, server.Requests[0].Query));
    }

    [Fact]
    public async Task List_uses_the_query_as_it_was_at_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(PagingServer(1));
        using var client = TestClients.Create(server);
        var query = new FlowRunQuery { FlowId = "first" };

        var runs = client.ListFlowRunsAsync(query);
        query.FlowId = "second";
        await runs.ToListAsync();

        Assert.Equal("?flow_id=first", Assert.Single(server.Requests).Query);
    }

    [Fact]
    public async Task List_fetches_pages_only_as_far_as_the_caller_reads()
    {
        await using var server = await LoopbackServer.StartAsync(PagingServer(10));
        using var client = TestClients.Create(server);

        var firstTwo = new List<FlowRun>();
        await foreach (var run in client.ListFlowRunsAsync(new FlowRunQuery { Limit = 3 }))
        {
            firstTwo.Add(run);
            if (firstTwo.Count == 2) break;
        }

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task List_stops_with_an_error_when_the_next_offset_steps_back_to_an_offset_not_seen_before()
    {
        // 0 → 1000 → 999 → 998 …: every offset is new, none moves forward.
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            var offset = int.TryParse(c.Request.Query["offset"].ToString(), out var o) ? o : 0;
            var next = offset == 0 ? 1000 : offset - 1;
            return Respond.Json(c, 200, Page(RunJson.Run("r" + offset, "completed"), $"\"total\": 5000, \"limit\": 1, \"offset\": {offset}, \"next_offset\": {next}"));
        });
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(async () =>
        {
            await foreach (var _ in client.ListFlowRunsAsync()) { }
        });

        Assert.Contains("pointed back to offset 999", e.Message);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task List_stops_with_an_error_when_the_server_repeats_an_offset()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200,
            Page(RunJson.Run("r1", "completed"), "\"total\": 9, \"limit\": 1, \"offset\": 0, \"next_offset\": 1")));
        using var client = TestClients.Create(server);

        var seen = new List<string>();
        var e = await Assert.ThrowsAsync<TableFlowException>(async () =>
        {
            await foreach (var run in client.ListFlowRunsAsync()) seen.Add(run.Id);
        });

        Assert.Contains("pointed back to offset 1", e.Message);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(new[] { "r1", "r1" }, seen);
    }

    [Fact]
    public async Task List_stops_on_an_empty_page_even_if_it_names_a_next_offset()
    {
        var answers = 0;
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200,
            Page("", $"\"total\": 0, \"limit\": 100, \"offset\": 0, \"next_offset\": {++answers * 100}")));
        using var client = TestClients.Create(server);

        Assert.Empty(await client.ListFlowRunsAsync().ToListAsync());
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task List_page_without_flow_runs_is_an_error_saying_so()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, """{"runs": []}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(async () => await client.ListFlowRunsAsync().ToListAsync());

        Assert.Contains("no \"flow_runs\" array", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task List_refuses_a_limit_out_of_range_before_any_request(int limit)
    {
        await using var server = await LoopbackServer.StartAsync(PagingServer(1));
        using var client = TestClients.Create(server);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => client.ListFlowRunsAsync(new FlowRunQuery { Limit = limit }));

        Assert.Contains("Limit must be between 1 and 1000", e.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task List_refuses_to_filter_on_Unknown_status_before_any_request()
    {
        await using var server = await LoopbackServer.StartAsync(PagingServer(1));
        using var client = TestClients.Create(server);

        var e = Assert.Throws<ArgumentException>(() => client.ListFlowRunsAsync(new FlowRunQuery { Status = FlowRunStatus.Unknown }));

        Assert.Contains("Status Unknown cannot be sent", e.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task List_of_one_flow_reads_the_bare_array()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, $"[{RunJson.Run("a", "completed")}, {RunJson.Run("b", "failed", "Template not found")}]"));
        using var client = TestClients.Create(server);

        var runs = await client.ListFlowRunsAsync("dk4g1tUg1uHLs8YU").ToListAsync();

        Assert.Equal("/v2/flows/dk4g1tUg1uHLs8YU/runs", Assert.Single(server.Requests).Path);
        Assert.Equal(new[] { "a", "b" }, runs.Select(r => r.Id));
        Assert.Equal(FlowRunStatus.Failed, runs[1].Status);
        Assert.Equal("Template not found", runs[1].Error);
    }

    [Fact]
    public async Task List_of_one_flow_that_answers_an_object_says_it_is_not_an_array()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, """{"flow_runs": []}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(async () => await client.ListFlowRunsAsync("f1").ToListAsync());

        Assert.Contains("not a JSON array of flow runs", e.Message);
    }

    [Fact]
    public async Task List_of_one_flow_with_an_empty_id_fails_at_the_call()
    {
        using var client = new TableFlowClient("key_1234567890");

        var e = Assert.Throws<ArgumentException>(() => client.ListFlowRunsAsync(" "));

        Assert.Equal("flowId", e.ParamName);
    }
}
