using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>
/// Answers are read leniently: a field the client cannot read becomes a default or null, and the caller still gets
/// the run (or the page) — never an OverflowException, JsonException, InvalidCastException or FormatException. Each
/// body is served over loopback HTTP to GetFlowRunAsync, to RunFlowAsync, inside a page and inside a bare array.
/// </summary>
public sealed class LenientResponseTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1682366228);

    /// <summary>A run in the documented shape, as raw JSON values by field, for cases to override.</summary>
    private static Dictionary<string, string> BaseFields() => new()
    {
        ["id"] = "\"r1\"",
        ["flow_id"] = "\"dk4g1tUg1uHLs8YU\"",
        ["workspace_id"] = "\"uT2bJNWN75YPU95r\"",
        ["status"] = "\"completed\"",
        ["status_history"] = """[{"status": "processing", "time": 1682366228, "message": "Flow started via api"}]""",
        ["error"] = "null",
        ["metadata"] = """{"customer_id": "12345"}""",
        ["trigger_method"] = "\"api\"",
        ["start_time"] = "1682366228",
        ["end_time"] = "1682366258",
        ["duration"] = "30000",
        ["drive_files"] = """{"reconciliation": {"file_id": "1ABC", "mime_type": "application/pdf", "sheets": [{"sheet_id": 0, "title": "Results"}]}}""",
        ["flow"] = """{"id": "dk4g1tUg1uHLs8YU", "name": "PO", "steps": [{"id": "step_1", "title": "Extract", "type": "extraction"}], "active": true}""",
        ["created_at"] = "1682366228",
        ["updated_at"] = "1682366258",
    };

    private static string Body(string field, string? rawValue)
    {
        var fields = BaseFields();
        if (rawValue is null) fields.Remove(field);
        else fields[field] = rawValue;
        return "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + "}";
    }

    public static TheoryData<string, string?, string> Cases => new()
    {
        { "duration", "1e16", "duration=0" },
        { "duration", "-1e300", "duration=0" },
        { "duration", "1.5", "duration=1.5ms" },
        { "duration", "\"30000\"", "duration=30s" },
        { "duration", "123456789012345678901234567890", "duration=0" },
        { "duration", "{\"ms\": 5}", "duration=0" },
        { "start_time", "1682366228.0", "start=exact" },
        { "start_time", "1682366228.5", "start=+500ms" },
        { "start_time", "\"1682366228\"", "start=exact" },
        { "start_time", "\"2023-04-24T20:37:08Z\"", "start=null" },
        { "start_time", "1e300", "start=null" },
        { "start_time", "253402300799.9999", "start=null-or-max" },
        { "start_time", "true", "start=null" },
        { "end_time", "\"\"", "end=null" },
        { "created_at", "-1e20", "created=default" },
        { "created_at", "[1682366228]", "created=default" },
        { "metadata", "\"{\\\"customer_id\\\": \\\"12345\\\"}\"", "metadata=customer" },
        { "metadata", "\"customer 12345\"", "metadata=null" },
        { "metadata", "\"[1, 2]\"", "metadata=null" },
        { "metadata", "\"{not json\"", "metadata=null" },
        { "metadata", "[1, 2]", "metadata=null" },
        { "metadata", "42", "metadata=null" },
        { "metadata", "{\"customer_id\": \"1\", \"customer_id\": \"12345\"}", "metadata=customer" },
        { "metadata", "{\"customer_id\": \"12345\", \"priority\": 2, \"tags\": [1.5, true, null], \"nested\": {\"n\": 3}}", "metadata=typed" },
        { "metadata", "{\"customer_id\": \"12345\", \"bad\": \"\\uD800\"}", "metadata=null" },
        { "drive_files", "[]", "drive=empty" },
        { "drive_files", "null", "drive=empty" },
        { "drive_files", "\"none\"", "drive=empty" },
        { "drive_files", "{\"a\": \"not an object\", \"b\": 5}", "drive=empty" },
        { "drive_files", "{\"a\": {\"file_id\": 5, \"sheets\": [{\"sheet_id\": 1.0}, {\"sheet_id\": 1e30}, \"x\"]}}", "drive=coerced" },
        { "status_history", "null", "history=0" },
        { "status_history", "\"none\"", "history=0" },
        { "status_history", "{}", "history=0" },
        { "status_history", "[null, 5, \"x\", {\"status\": \"processing\", \"time\": \"1682366228\"}]", "history=1" },
        { "status_history", "[{\"status\": 7, \"time\": 1e300, \"message\": {\"m\": 1}}]", "history=odd" },
        { "status", "5", "status=5" },
        { "status", null, "status=missing" },
        { "status", "\"COMPLETED\"", "status=completed" },
        { "id", "12345", "id=12345" },
        { "error", "{\"code\": 1}", "error=null" },
        { "error", "\"\\uD800 broken\"", "error=null" },
        { "flow", "\"a summary\"", "flow=null" },
        { "flow", "{\"id\": \"f\", \"active\": \"true\", \"steps\": {}}", "flow=coerced" },
        { "trigger_method", "null", "trigger=unknown" },
        { "trigger_method", "[\"api\"]", "trigger=unknown" },
        { "flow_id", "null", "flowid=empty" },
        { "unknown_field", "{\"deep\": [1, {\"x\": 1e999}]}", "ok" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Field_that_cannot_be_read_becomes_a_default_and_the_run_is_still_returned(string field, string? rawValue, string expect)
    {
        var run = Body(field, rawValue);
        await using var server = await LoopbackServer.StartAsync(c => c.Request.Path.Value switch
        {
            "/v2/flows/runs/r1" => Respond.Json(c, 200, run),
            "/v2/flows/f1/run" => Respond.Json(c, 200, run),
            "/v2/flows/runs" => Respond.Json(c, 200, $$$"""{"flow_runs": [{{{run}}}], "pagination": {"total": 1, "limit": 100, "offset": 0, "next_offset": null}}"""),
            "/v2/flows/f1/runs" => Respond.Json(c, 200, $"[{run}]"),
            _ => Respond.Json(c, 404, "{}"),
        });
        using var client = TestClients.Create(server);

        var read = await client.GetFlowRunAsync("r1");
        var started = await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[1], "i.pdf")));
        var paged = Assert.Single(await client.ListFlowRunsAsync().ToListAsync());
        var listed = Assert.Single(await client.ListFlowRunsAsync("f1").ToListAsync());

        foreach (var r in new[] { read, started, paged, listed }) Check(r, expect);
    }

    private static void Check(FlowRun run, string expect)
    {
        Assert.Equal(expect.StartsWith("id=", StringComparison.Ordinal) ? expect[3..] : "r1", run.Id);
        switch (expect)
        {
            case "duration=0": Assert.Equal(TimeSpan.Zero, run.Duration); break;
            case "duration=1.5ms": Assert.Equal(TimeSpan.FromTicks(15_000), run.Duration); break;
            case "duration=30s": Assert.Equal(TimeSpan.FromSeconds(30), run.Duration); break;
            case "start=exact": Assert.Equal(Start, run.StartTime); break;
            case "start=+500ms": Assert.Equal(Start.AddMilliseconds(500), run.StartTime); break;
            case "start=null": Assert.Null(run.StartTime); break;
            case "start=null-or-max": Assert.True(run.StartTime is null || run.StartTime.Value.Year == 9999); break;
            case "end=null": Assert.Null(run.EndTime); break;
            case "created=default": Assert.Equal(default, run.CreatedAt); break;
            case "metadata=customer": Assert.Equal("12345", run.Metadata?["customer_id"]?.GetValue<string>()); break;
            case "metadata=null": Assert.Null(run.Metadata); break;
            case "metadata=typed":
                Assert.Equal((2, 1.5, true, 3), ((int)run.Metadata!["priority"]!, (double)run.Metadata["tags"]![0]!, (bool)run.Metadata["tags"]![1]!, (int)run.Metadata["nested"]!["n"]!));
                Assert.Equal("""{"customer_id":"12345","priority":2,"tags":[1.5,true,null],"nested":{"n":3}}""", run.Metadata.ToJsonString());
                break;
            case "drive=empty": Assert.Empty(run.DriveFiles); break;
            case "drive=coerced":
                var file = Assert.Single(run.DriveFiles).Value;
                Assert.Equal("5", file.FileId);
                Assert.Equal(new long[] { 1, 0 }, file.Sheets.Select(s => s.SheetId));
                break;
            case "history=0": Assert.Empty(run.StatusHistory); break;
            case "history=1": Assert.Equal(Start, Assert.Single(run.StatusHistory).Time); break;
            case "history=odd":
                var change = Assert.Single(run.StatusHistory);
                Assert.Equal((FlowRunStatus.Unknown, "7", default(DateTimeOffset), (string?)null), (change.Status, change.StatusText, change.Time, change.Message));
                break;
            case "status=5": Assert.Equal((FlowRunStatus.Unknown, "5"), (run.Status, run.StatusText)); break;
            case "status=missing": Assert.Equal((FlowRunStatus.Unknown, ""), (run.Status, run.StatusText)); break;
            case "status=completed": Assert.Equal(FlowRunStatus.Completed, run.Status); break;
            case "error=null": Assert.Null(run.Error); break;
            case "flow=null": Assert.Null(run.Flow); break;
            case "flow=coerced": Assert.True(run.Flow is { Id: "f", Active: true, Steps.Count: 0 }); break;
            case "trigger=unknown": Assert.Equal(FlowTriggerMethod.Unknown, run.TriggerMethod); break;
            case "flowid=empty": Assert.Equal("", run.FlowId); break;
            case "id=12345":
            case "ok":
                Assert.Equal(TimeSpan.FromSeconds(30), run.Duration);
                break;
            default: throw new InvalidOperationException(expect);
        }
    }

    public static TheoryData<string, string> NotARun => new()
    {
        { "no id", """{"status": "completed"}""" },
        { "blank id", """{"id": "  ", "status": "completed"}""" },
        { "id is an object", """{"id": {"value": "r1"}}""" },
        { "an array", """[{"id": "r1"}]""" },
        { "a string", "\"r1\"" },
        { "truncated", """{"id": "r1", "status": """ },
    };

    [Theory]
    [MemberData(nameof(NotARun))]
    public async Task Only_a_body_that_is_not_a_run_at_all_is_an_error(string why, string body)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, body));
        using var client = TestClients.Create(server);

        var read = await Assert.ThrowsAsync<TableFlowException>(() => client.GetFlowRunAsync("r1"));
        var run = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[1], "i.pdf"))));

        Assert.Contains("not a flow run", read.Message);
        Assert.False(read.RunMayHaveStarted, why);
        Assert.True(run.RunMayHaveStarted, why);
        Assert.Contains("probably started", run.Message);
    }

    public static TheoryData<string, string, int> Pages => new()
    {
        // name, next_offset of page 1 / page 2 (raw JSON), runs expected
        { "float next_offset", "2.0|null", 3 },
        { "string next_offset", "\"2\"|null", 3 },
        { "0 on a short last page", "2|0", 3 },
        { "repeated offset on a short last page", "2|2", 3 },
        { "negative next_offset", "2|-1", 3 },
        { "unreadable next_offset", "2|\"none\"", 3 },
        { "next_offset past the total", "2|4", 3 },
        { "fraction next_offset ends the listing", "1.5|null", 2 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Odd_pagination_still_lists_every_run_once_and_ends(string name, string nextOffsets, int expected)
    {
        var next = nextOffsets.Split('|');
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            var second = c.Request.Query["offset"] == "2";
            var runs = second
                ? RunJson.Run("r3", "completed") + ", 17, {\"status\": \"completed\"}"
                : RunJson.Run("r1", "completed") + ", " + RunJson.Run("r2", "completed");
            var offset = second ? 2 : 0;
            return Respond.Json(c, 200, $$$"""{"flow_runs": [{{{runs}}}], "pagination": {"total": "3", "limit": 2.0, "offset": {{{offset}}}, "next_offset": {{{next[second ? 1 : 0]}}}, "filter": 0}}""");
        });
        using var client = TestClients.Create(server);

        var runs = await client.ListFlowRunsAsync(new FlowRunQuery { Limit = 2 }).ToListAsync();

        Assert.Equal(new[] { "r1", "r2", "r3" }.Take(expected), runs.Select(r => r.Id));
        Assert.True(server.RequestCount <= 2, name);
    }
}
