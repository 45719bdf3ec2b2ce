using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TableFlow.Testing;
using TableFlow.Tests.Diagnostics;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Flows;

/// <summary>ListFlowsAsync over real HTTP: the documented answer, lenient fields, errors, and the emulator's answer.</summary>
public sealed class ListFlowsTests
{
    /// <summary>The documented example of <c>GET /v2/flows</c> (API reference, get-flows), completed with the documented fields.</summary>
    private const string DocumentedAnswer = """
        [{"id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r", "name": "PO to Invoice Reconciliation",
          "description": "Reconciles purchase orders against invoices", "active": true,
          "file_input_config": {"file_fields": [
             {"key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760},
             {"key": "invoice", "name": "Invoice", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760}]},
          "steps": [{"id": "step_1", "title": "Extract Purchase Order", "description": "Reads the PO", "type": "extraction", "order": 1,
                     "config": {"template_id": "Bx9wKm4nRt7vP3cQ", "file_key": "purchase_order"}},
                    {"id": "step_2", "title": "Reconcile", "type": "reconciliation", "order": 2,
                     "config": {"source_step_id_1": "step_1", "source_step_id_2": "step_3", "table_key_1": "items", "table_key_2": "lines"}}],
          "created_at": 1682366228, "updated_at": 1682366258}]
        """;

    [Fact]
    public async Task Documented_answer_is_read_field_by_field()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, DocumentedAnswer));
        using var client = TestClients.Create(server);

        var flows = await client.ListFlowsAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v2/flows", request.Path);
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Authorization);

        var flow = Assert.Single(flows);
        Assert.Equal("dk4g1tUg1uHLs8YU", flow.Id);
        Assert.Equal("uT2bJNWN75YPU95r", flow.WorkspaceId);
        Assert.Equal("PO to Invoice Reconciliation", flow.Name);
        Assert.Equal("Reconciles purchase orders against invoices", flow.Description);
        Assert.True(flow.Active);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), flow.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366258), flow.UpdatedAt);
        Assert.Collection(flow.FileFields,
            f =>
            {
                Assert.Equal("purchase_order", f.Key);
                Assert.Equal("Purchase Order", f.Name);
                Assert.True(f.Required);
                Assert.Equal(new[] { "pdf", "image" }, f.FileTypes);
                Assert.Equal(10485760, f.MaxFileSize);
                Assert.Null(f.Multiple);
            },
            f => Assert.Equal(("invoice", "Invoice", true), (f.Key, f.Name, f.Required)));
        Assert.Collection(flow.Steps,
            s =>
            {
                Assert.Equal(("step_1", "Extract Purchase Order", "Reads the PO", "extraction", 1), (s.Id, s.Title, s.Description, s.Type, s.Order));
                Assert.Equal("Bx9wKm4nRt7vP3cQ", s.Config!.Value.GetProperty("template_id").GetString());
                Assert.Equal("purchase_order", s.Config.Value.GetProperty("file_key").GetString());
            },
            s =>
            {
                Assert.Equal(("step_2", "reconciliation", 2), (s.Id, s.Type, s.Order));
                Assert.Null(s.Description);
                Assert.Equal("lines", s.Config!.Value.GetProperty("table_key_2").GetString());
            });
    }

    [Fact]
    public async Task Empty_array_is_no_flows()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, "[]"));
        using var client = TestClients.Create(server);

        Assert.Empty(await client.ListFlowsAsync());
    }

    public static TheoryData<string, string> LenientCases => new()
    {
        // field (raw JSON replacing the documented value) → what the caller sees
        { "\"max_file_size\": 1e400", "max=null" },
        { "\"max_file_size\": 10485760.0", "max=10485760" },
        { "\"max_file_size\": \"2048\"", "max=2048" },
        { "\"max_file_size\": 1.5", "max=null" },
        { "\"required\": \"yes\"", "required=False" },
        { "\"required\": \"true\"", "required=True" },
        { "\"file_types\": \"pdf\"", "types=" },
        { "\"file_types\": [\"pdf\", 7, null, {\"x\": 1}, \"image\"]", "types=pdf,image" },
        { "\"multiple\": true", "multiple=True" },
        { "\"multiple\": \"maybe\"", "multiple=" },
    };

    [Theory]
    [MemberData(nameof(LenientCases))]
    public async Task A_file_field_that_cannot_be_read_becomes_a_default(string field, string expected)
    {
        var json = """[{"id": "f1", "file_input_config": {"file_fields": [{"key": "po", "name": "PO", "required": true, "file_types": ["pdf"], "max_file_size": 100, """
            + field + "}]}}]";
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, json));
        using var client = TestClients.Create(server);

        var field0 = Assert.Single(Assert.Single(await client.ListFlowsAsync()).FileFields);

        var key = expected.Substring(0, expected.IndexOf('='));
        var seen = key switch
        {
            "max" => $"max={field0.MaxFileSize?.ToString() ?? "null"}",
            "required" => $"required={field0.Required}",
            "types" => $"types={string.Join(",", field0.FileTypes)}",
            _ => $"multiple={field0.Multiple}",
        };
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Odd_shapes_elsewhere_become_defaults_and_entries_that_are_not_flows_are_skipped()
    {
        const string json = """
            [42, "flow", null, {"name": "no id"},
             {"id": "f1", "name": {"en": "x"}, "active": "1", "created_at": "2023-04-24T20:37:08Z", "updated_at": 1e300,
              "file_input_config": {"file_fields": {"po": {"key": "po"}}}, "steps": "none", "brand_new": [1, 2]},
             {"id": "f2", "file_input_config": "pdf", "steps": [7, {"id": "s1", "order": 1.5, "config": "template"},
               {"id": "s2", "order": 99999999999, "config": null}, {"title": "no id", "order": "3", "config": []}]},
             {"id": "f3", "file_input_config": {"file_fields": [{"name": "no key"}, {"key": "", "name": "blank"}, {"key": "ok"}]}}]
            """;
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, json));
        using var client = TestClients.Create(server);

        var flows = await client.ListFlowsAsync();

        Assert.Equal(new[] { "f1", "f2", "f3" }, flows.Select(f => f.Id));
        var f1 = flows[0];
        Assert.Null(f1.Name);
        Assert.True(f1.Active);
        Assert.Null(f1.CreatedAt);
        Assert.Null(f1.UpdatedAt);
        Assert.Empty(f1.FileFields);
        Assert.Empty(f1.Steps);
        var f2 = flows[1];
        Assert.Empty(f2.FileFields);
        Assert.False(f2.Active);
        Assert.Collection(f2.Steps,
            s => Assert.Equal(("s1", (int?)null, (JsonElement?)null), (s.Id, s.Order, s.Config)),
            s => Assert.Equal(("s2", (int?)null, (JsonElement?)null), (s.Id, s.Order, s.Config)),
            s => Assert.Equal(("", (int?)3, (JsonElement?)null), (s.Id, s.Order, s.Config)));
        Assert.Equal("ok", Assert.Single(flows[2].FileFields).Key);
    }

    [Theory]
    [InlineData("{\"flows\": []}", "it is not a JSON array")]
    [InlineData("\"flows\"", "it is not a JSON array")]
    [InlineData("[{\"id\": \"f1\",", "")]
    [InlineData("", "")]
    public async Task A_body_that_is_not_an_array_is_a_TableFlowException_naming_the_call(string body, string detail)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, body));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.ListFlowsAsync());

        Assert.IsNotType<TableFlowApiException>(e);
        Assert.Contains("listing the workspace's flows", e.Message);
        Assert.Contains("a JSON array of flow definitions", e.Message);
        Assert.Contains(detail, e.Message);
        Assert.DoesNotContain(TestClients.ApiKey, e.Message);
    }

    [Fact]
    public async Task An_error_answer_is_a_TableFlowApiException()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 401, """{"error": "Unauthorized", "message": "Invalid API key."}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.ListFlowsAsync());

        Assert.Equal(401, (int)e.StatusCode);
        Assert.Contains("Invalid API key.", e.Message);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_like_every_read()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 503, """{"error": "Service unavailable"}""") : Respond.Json(c, 200, DocumentedAnswer));
        using var client = TestClients.Create(server);

        var flows = await client.ListFlowsAsync();

        Assert.Equal("dk4g1tUg1uHLs8YU", Assert.Single(flows).Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_stops_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Slowly(c, TimeSpan.FromSeconds(10), "[]"));
        using var client = TestClients.Create(server);
        using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListFlowsAsync(cancel.Token));
    }

    [Fact]
    public async Task The_emulator_answers_the_same_shape_from_its_flows_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tableflow-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [{"id": "dk4g1tUg1uHLs8YU", "name": "PO to Invoice Reconciliation", "description": "PO vs invoice", "active": true,
              "file_input_config": {"file_fields": [
                 {"key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760},
                 {"key": "attachments", "name": "Attachments", "required": false, "multiple": true}]},
              "steps": [{"id": "step_1", "title": "Extract Purchase Order", "type": "extraction", "order": 1,
                         "config": {"template_id": "Bx9wKm4nRt7vP3cQ", "file_key": "purchase_order"}}]},
             {"id": "inactive0000flow", "name": "Old", "active": false, "file_input_config": {"file_fields": []}}]
            """);
        try
        {
            await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = file });
            using var client = emulator.CreateClient();

            var flow = Assert.Single(await client.ListFlowsAsync());

            Assert.Equal(("dk4g1tUg1uHLs8YU", "PO to Invoice Reconciliation", "PO vs invoice", true), (flow.Id, flow.Name, flow.Description, flow.Active));
            Assert.Equal(TableFlowEmulatorOptions.DefaultWorkspaceId, flow.WorkspaceId);
            Assert.NotNull(flow.CreatedAt);
            Assert.Collection(flow.FileFields,
                f => Assert.Equal(("purchase_order", "Purchase Order", true, "pdf,image", (long?)10485760, (bool?)null),
                    (f.Key, f.Name, f.Required, string.Join(",", f.FileTypes), f.MaxFileSize, f.Multiple)),
                f => Assert.Equal(("attachments", false, (long?)null, (bool?)true), (f.Key, f.Required, f.MaxFileSize, f.Multiple)));
            var step = Assert.Single(flow.Steps);
            Assert.Equal(("step_1", "Extract Purchase Order", "extraction", (int?)1), (step.Id, step.Title, step.Type, step.Order));
            Assert.Equal("Bx9wKm4nRt7vP3cQ", step.Config!.Value.GetProperty("template_id").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_call_is_one_client_activity_named_ListFlows()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow("trace0flow000001", f => f.File("invoice", required: true));
        using var client = emulator.CreateClient();
        using var capture = new TelemetryCapture(emulator.BaseAddress);

        await client.ListFlowsAsync();

        var call = Assert.Single(capture.Activities);
        Assert.Equal("TableFlow ListFlows", call.OperationName);
        Assert.Equal(ActivityKind.Client, call.Kind);
        Assert.Equal("ListFlows", call.GetTagItem("tableflow.operation"));
        Assert.Equal("/v2/flows", call.GetTagItem("url.template"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_mock_can_stand_in_for_it_and_one_without_setup_says_what_to_override()
    {
        using var bare = new BareMock();
        using var mock = new FlowsMock([new FlowDefinition { Id = "f1", FileFields = [new FlowFileFieldDefinition { Key = "invoice", Required = true }] }]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bare.ListFlowsAsync());
        var flows = await mock.ListFlowsAsync();

        Assert.Contains("override ListFlowsAsync", error.Message);
        Assert.Equal("invoice", Assert.Single(Assert.Single(flows).FileFields).Key);
    }

    private sealed class BareMock : TableFlowClient;

    private sealed class FlowsMock(IReadOnlyList<FlowDefinition> flows) : TableFlowClient
    {
        public override Task<IReadOnlyList<FlowDefinition>> ListFlowsAsync(CancellationToken cancellationToken = default) => Task.FromResult(flows);
    }
}
