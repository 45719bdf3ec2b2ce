using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

public sealed class ListRunsTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private TableFlowEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { TimeProvider = _clock, ProcessingTime = TimeSpan.FromSeconds(10) });
        _emulator.AddFlow("flowA", f => f.Name("Flow A").File("doc", required: true));
        _emulator.AddFlow("flowB", f => f.File("doc", required: true).EndsWith(RunOutcome.Failed("Template not found")));
        _http = _emulator.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Pages_follow_next_offset_newest_first_until_it_is_null()
    {
        var started = await StartRunsAsync("flowA", 7);
        started.Reverse();

        var seen = new List<string>();
        int? offset = 0;
        var pages = 0;
        while (offset is { } o)
        {
            using var page = await GetJsonAsync($"v2/flows/runs?limit=3&offset={o}");
            var pagination = page.RootElement.GetProperty("pagination");
            Assert.Equal(7, pagination.GetProperty("total").GetInt32());
            Assert.Equal(3, pagination.GetProperty("limit").GetInt32());
            Assert.Equal(o, pagination.GetProperty("offset").GetInt32());
            Assert.Equal("all", pagination.GetProperty("filter").GetString());
            var runs = page.RootElement.GetProperty("flow_runs").EnumerateArray().ToList();
            Assert.All(runs, r => Assert.False(r.TryGetProperty("flow", out _)));
            seen.AddRange(runs.Select(r => r.GetProperty("id").GetString()!));
            var next = pagination.GetProperty("next_offset");
            offset = next.ValueKind == JsonValueKind.Null ? null : next.GetInt32();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(started, seen);
    }

    [Fact]
    public async Task The_client_pages_through_every_run_with_a_filter()
    {
        var a = await StartRunsAsync("flowA", 5);
        await StartRunsAsync("flowB", 2);
        using var client = _emulator.CreateClient();

        var listed = new List<string>();
        await foreach (var run in client.ListFlowRunsAsync(new FlowRunQuery { FlowId = "flowA", Status = FlowRunStatus.Processing, Limit = 2 })) listed.Add(run.Id);
        var ofFlow = new List<string>();
        await foreach (var run in client.ListFlowRunsAsync("flowA")) ofFlow.Add(run.Id);

        Assert.Equal(a.AsEnumerable().Reverse(), listed);
        Assert.Equal(a.AsEnumerable().Reverse(), ofFlow);
        Assert.Equal(3, _emulator.Requests.Count(r => r.Path == "/v2/flows/runs"));
    }

    [Fact]
    public async Task The_default_limit_is_100_and_larger_limits_are_capped_at_1000()
    {
        await StartRunsAsync("flowA", 1);
        using var defaults = await GetJsonAsync("v2/flows/runs");
        Assert.Equal(100, defaults.RootElement.GetProperty("pagination").GetProperty("limit").GetInt32());
        Assert.Equal(JsonValueKind.Null, defaults.RootElement.GetProperty("pagination").GetProperty("next_offset").ValueKind);
        using var capped = await GetJsonAsync("v2/flows/runs?limit=5000");
        Assert.Equal(1000, capped.RootElement.GetProperty("pagination").GetProperty("limit").GetInt32());
    }

    [Theory]
    [InlineData("limit=0", "'limit'")]
    [InlineData("limit=abc", "'limit'")]
    [InlineData("offset=-1", "'offset'")]
    [InlineData("status=done", "'status'")]
    public async Task Bad_query_parameters_are_400_naming_the_parameter(string query, string named)
    {
        var (status, _, message) = await ValidationTests.SendAsync(_http, new HttpRequestMessage(HttpMethod.Get, "v2/flows/runs?" + query));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, message);
    }

    [Fact]
    public async Task Filters_by_flow_and_by_status_as_it_is_now()
    {
        var a = await StartRunsAsync("flowA", 2);
        var b = await StartRunsAsync("flowB", 3);

        using var byFlow = await GetJsonAsync("v2/flows/runs?flow_id=flowB");
        Assert.Equal(b.AsEnumerable().Reverse(), Ids(byFlow.RootElement.GetProperty("flow_runs")));

        using var processing = await GetJsonAsync("v2/flows/runs?status=processing");
        Assert.Equal(5, processing.RootElement.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal("processing", processing.RootElement.GetProperty("pagination").GetProperty("filter").GetString());

        _clock.Advance(TimeSpan.FromSeconds(10));
        using var failed = await GetJsonAsync("v2/flows/runs?status=failed");
        Assert.Equal(b.AsEnumerable().Reverse(), Ids(failed.RootElement.GetProperty("flow_runs")));
        using var completedA = await GetJsonAsync("v2/flows/runs?status=completed&flow_id=flowA");
        Assert.Equal(a.AsEnumerable().Reverse(), Ids(completedA.RootElement.GetProperty("flow_runs")));
        using var none = await GetJsonAsync("v2/flows/runs?status=processing");
        Assert.Empty(none.RootElement.GetProperty("flow_runs").EnumerateArray());
    }

    [Fact]
    public async Task One_flows_runs_are_a_bare_array_newest_first_and_an_unknown_flow_is_404()
    {
        var a = await StartRunsAsync("flowA", 3);
        await StartRunsAsync("flowB", 1);

        using var runs = await GetJsonAsync("v2/flows/flowA/runs");
        Assert.Equal(JsonValueKind.Array, runs.RootElement.ValueKind);
        Assert.Equal(a.AsEnumerable().Reverse(), Ids(runs.RootElement));

        var (status, _, _) = await ValidationTests.SendAsync(_http, new HttpRequestMessage(HttpMethod.Get, "v2/flows/nope/runs"));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Getting_one_run_includes_its_flow_summary_and_an_unknown_run_is_404()
    {
        var id = (await StartRunsAsync("flowA", 1))[0];
        using var run = await GetJsonAsync("v2/flows/runs/" + id);
        var flow = run.RootElement.GetProperty("flow");
        Assert.Equal("flowA", flow.GetProperty("id").GetString());
        Assert.Equal("Flow A", flow.GetProperty("name").GetString());
        Assert.True(flow.GetProperty("active").GetBoolean());
        var step = Assert.Single(flow.GetProperty("steps").EnumerateArray());
        Assert.Equal(["id", "title", "type"], step.EnumerateObject().Select(p => p.Name));
        Assert.Equal("extraction", step.GetProperty("type").GetString());

        using var client = _emulator.CreateClient();
        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("missingRun"));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("'missingRun'", e.Message);
    }

    [Fact]
    public async Task Get_flows_lists_active_definitions_in_the_api_shape()
    {
        _emulator.AddFlow("hidden", f => f.File("doc").Active(false));
        _emulator.AddSeedFlow();
        using var flows = await GetJsonAsync("v2/flows");
        var list = flows.RootElement.EnumerateArray().ToList();
        Assert.Equal([Seed.FlowId, "flowA", "flowB"], list.Select(f => f.GetProperty("id").GetString()));
        var seed = list[0];
        Assert.Equal("PO to Invoice Reconciliation", seed.GetProperty("name").GetString());
        var fields = seed.GetProperty("file_input_config").GetProperty("file_fields").EnumerateArray().ToList();
        Assert.Equal("purchase_order", fields[0].GetProperty("key").GetString());
        Assert.Equal("Purchase Order", fields[0].GetProperty("name").GetString());
        Assert.True(fields[0].GetProperty("required").GetBoolean());
        Assert.Equal(["pdf", "image"], fields[0].GetProperty("file_types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(10485760, fields[0].GetProperty("max_file_size").GetInt64());
        Assert.False(fields[0].TryGetProperty("multiple", out _));
        Assert.True(fields[2].GetProperty("multiple").GetBoolean());
        Assert.Equal(3, seed.GetProperty("steps").GetArrayLength());
        Assert.Equal(ManualClock.Start.ToUnixTimeSeconds(), seed.GetProperty("created_at").GetInt64());
    }

    private async Task<List<string>> StartRunsAsync(string flowId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await _http.SendAsync(Seed.Post(flowId, new CurlForm().File("doc", $"{i}.pdf", [(byte)i]).ToContent()));
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.Add(json.RootElement.GetProperty("id").GetString()!);
        }

        return ids;
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body);
    }

    private static IEnumerable<string> Ids(JsonElement array) => array.EnumerateArray().Select(r => r.GetProperty("id").GetString()!);
}
