using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

public sealed class FlowFileTests
{
    // The README's tableflow.json example, with steps as GET /v2/flows shows them.
    internal const string DesignExample = """
        [
          {
            "id": "dk4g1tUg1uHLs8YU",
            "name": "PO to Invoice Reconciliation",
            "active": true,
            "file_input_config": {
              "file_fields": [
                { "key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760 },
                { "key": "invoice", "name": "Invoice", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760 },
                { "key": "attachments", "name": "Attachments", "required": false, "multiple": true }
              ]
            },
            "steps": [{"id": "step_1", "title": "Extract Purchase Order", "type": "extraction", "order": 1,
                       "config": {"template_id": "Bx9wKm4nRt7vP3cQ", "file_key": "purchase_order"}}]
          },
          { "id": "inactiveFlow", "name": "Old", "active": false }
        ]
        """;

    [Fact]
    public async Task LoadFlows_reads_the_definition_file_and_enforces_it()
    {
        using var file = new TempFile(DesignExample);
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.LoadFlows(file.Path);
        using var http = emulator.CreateHttpClient();

        Assert.Equal([Seed.FlowId, "inactiveFlow"], emulator.FlowIds);
        var (missing, _, message) = await ValidationTests.SendAsync(http, Seed.Post(Seed.FlowId, new CurlForm().File("purchase_order", "po.pdf", [1]).ToContent()));
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("'invoice'", message);
        var (wrongType, _, _) = await ValidationTests.SendAsync(http, Seed.Post(Seed.FlowId, Seed.CurlRequest().File("attachments_1", "a.txt", [1], "text/plain").ToContent()));
        Assert.Equal(HttpStatusCode.OK, wrongType);
        var (badInvoice, _, _) = await ValidationTests.SendAsync(http, Seed.Post(Seed.FlowId, new CurlForm().File("purchase_order", "po.pdf", [1]).File("invoice", "i.txt", [1], "text/plain").ToContent()));
        Assert.Equal(HttpStatusCode.BadRequest, badInvoice);
        Assert.Equal(["purchase_order", "invoice", "attachments_1"], Assert.Single(emulator.Runs).Files.Select(f => f.PartName));

        using var client = emulator.CreateClient();
        var run = await client.GetFlowRunAsync(emulator.Runs[0].Id);
        Assert.Equal("Extract Purchase Order", Assert.Single(run.Flow!.Steps).Title);
    }

    [Fact]
    public async Task The_emulators_own_GET_flows_answer_loads_back_as_the_same_definitions()
    {
        using var file = new TempFile(DesignExample);
        await using var first = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = file.Path, TimeProvider = new ManualClock() });
        string saved;
        using (var http = first.CreateHttpClient()) saved = await http.GetStringAsync("v2/flows");

        using var copy = new TempFile(saved);
        await using var second = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = copy.Path, TimeProvider = new ManualClock() });
        string again;
        using (var http = second.CreateHttpClient()) again = await http.GetStringAsync("v2/flows");

        Assert.Equal(saved, again);
        using var json = JsonDocument.Parse(again);
        var step = json.RootElement[0].GetProperty("steps")[0];
        Assert.Equal("Bx9wKm4nRt7vP3cQ", step.GetProperty("config").GetProperty("template_id").GetString());
    }

    [Fact]
    public void Malformed_JSON_is_reported_with_line_and_position()
    {
        using var file = new TempFile("[\n  { \"id\": \"a\",\n    \"name\": oops }\n]");
        var e = Assert.Throws<InvalidDataException>(() => LoadInto(file.Path));
        Assert.Contains("is not valid JSON at line 3, position 13", e.Message);
        Assert.Contains(file.Path, e.Message);
    }

    [Theory]
    [InlineData("true", "at $: expected an array of flow definitions")]
    [InlineData("{\"flows\": {}}", "at $.flows: expected an array of flow definitions")]
    [InlineData("{\"flows\": [{\"name\": \"x\"}]}", "at $.flows[0]: the required property \"id\" is missing")]
    [InlineData("[{\"name\": \"x\"}]", "at $[0]: the required property \"id\" is missing")]
    [InlineData("[{\"id\": \"a b\"}]", "at $[0].id: the flow id 'a b' is not valid: it contains ' ', which cannot stand in a URL path segment")]
    [InlineData("[{\"id\": \"a\"}, {\"id\": \"a\"}]", "at $[1].id: flow 'a' is defined twice")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": {\"file_fields\": [{\"key\": \"doc\"}, {\"name\": \"x\"}]}}]", "at $[0].file_input_config.file_fields[1]: the required property \"key\" is missing")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": {\"file_fields\": [{\"key\": \"doc\", \"required\": \"yes\"}]}}]", "at $[0].file_input_config.file_fields[0].required: expected true or false, found the string \"yes\"")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": {\"file_fields\": [{\"key\": \"doc\", \"max_file_size\": -5}]}}]", "max_file_size: expected a positive whole number of bytes")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": {\"file_fields\": [{\"key\": \"doc\"}, {\"key\": \"doc\"}]}}]", "file_fields[1].key: Flow 'a' already has a file field 'doc'")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": {\"file_fields\": [{\"key\": \"metadata\"}]}}]", "cannot have a file field 'metadata'")]
    public void Definitions_that_are_wrong_are_reported_with_their_place_in_the_file(string json, string expected)
    {
        using var file = new TempFile(json);
        var e = Assert.Throws<InvalidDataException>(() => LoadInto(file.Path));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task A_missing_file_and_a_flow_already_present_are_refused()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        Assert.Throws<FileNotFoundException>(() => emulator.LoadFlows(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json")));
        using var file = new TempFile(DesignExample);
        emulator.LoadFlows(file.Path);
        Assert.Throws<ArgumentException>(() => emulator.LoadFlows(file.Path));
    }

    [Fact]
    public async Task StartAsync_refuses_a_bad_flows_file_before_it_listens()
    {
        using var file = new TempFile("[{]");
        await Assert.ThrowsAsync<InvalidDataException>(() => TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = file.Path }));
    }

    private static void LoadInto(string path)
    {
        var emulator = TableFlowEmulator.StartAsync().GetAwaiter().GetResult();
        try
        {
            emulator.LoadFlows(path);
        }
        finally
        {
            emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
