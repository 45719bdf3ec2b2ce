using System.Linq;
using TableFlow.Generators.Analyzers.Definitions;

namespace TableFlow.Generators.Tests.Analyzers;

public class FlowDefinitionFileTests
{
    /// <summary>
    /// The README's example with the extra members a saved GET /v2/flows answer carries, and the optional
    /// <c>delivery_note</c> field that the README's declaration has.
    /// </summary>
    public const string Example = """
        [
          {
            "id": "dk4g1tUg1uHLs8YU",
            "workspace_id": "uT2bJNWN75YPU95r",
            "name": "PO to Invoice Reconciliation",
            "description": "Matches \"POs\" to invoices \u2014 line by line",
            "active": true,
            "file_input_config": {
              "file_fields": [
                { "key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760 },
                { "key": "invoice", "name": "Invoice", "required": true, "file_types": ["pdf", "image"], "max_file_size": 1.5e7 },
                { "key": "delivery_note", "name": "Delivery Note", "required": false },
                { "key": "attachments", "name": "Attachments", "required": false, "multiple": true }
              ]
            },
            "steps": [{"id": "step_1", "title": "Extract", "type": "extraction", "order": 1, "config": {"template_id": "Bx9", "file_key": "purchase_order"}}],
            "created_at": 1682366228, "updated_at": -1
          },
          { "id": "noFiles", "name": "No files" }
        ]
        """;

    [Fact]
    public void Reads_the_flows_fields_required_and_multiple()
    {
        var file = FlowDefinitionFile.Parse("/src/tableflow.json", Example);

        Assert.Null(file.Error);
        var flow = file.Flows["dk4g1tUg1uHLs8YU"];
        Assert.Equal(
            new[] { ("purchase_order", true, (bool?)null), ("invoice", true, null), ("delivery_note", false, null), ("attachments", false, true) },
            flow.Fields.Select(f => (f.Key, f.Required, f.Multiple)).ToArray());
        Assert.Equal(new[] { "Purchase Order", "Invoice", "Delivery Note", "Attachments" }, flow.Fields.Select(f => f.Name));
        Assert.Equal(new[] { "pdf", "image" }, flow.Fields[0].FileTypes);
        Assert.Equal(10485760, flow.Fields[0].MaxFileSize);
        Assert.Null(flow.Fields[2].FileTypes);
        Assert.Null(flow.Fields[2].MaxFileSize);
        Assert.Empty(file.Flows["noFiles"].Fields);
    }

    [Theory]
    [InlineData("", "the file ends where a value was expected (line 1, column 1)")]
    [InlineData("[\n  { \"id\": \"a\",,\n  }\n]", "expected a property name in double quotes (line 2, column 15)")]
    [InlineData("[ /* unclosed", "a /* comment is not closed (line 1, column 3)")]
    [InlineData("[1,,]", "unexpected character ',' where a value was expected (line 1, column 4)")]
    [InlineData("[ {\"id\": \"a\"} ] x", "unexpected text after the end of the JSON value (line 1, column 17)")]
    [InlineData("[ {\"id\": 'a'} ]", "unexpected character ''' where a value was expected (line 1, column 10)")]
    [InlineData("[ {\"id\": \"a} ]", "a string is not closed (line 1, column 10)")]
    [InlineData("[ {\"id\": \"\\x\"} ]", "'\\x' is not a JSON escape (line 1, column 11)")]
    [InlineData("[1.]", "a number needs digits after the decimal point (line 1, column 2)")]
    [InlineData("[tru]", "unexpected character 't' where a value was expected (line 1, column 2)")]
    public void Malformed_json_is_reported_with_its_line_and_column(string text, string problem)
    {
        var file = FlowDefinitionFile.Parse("tableflow.json", text);

        Assert.Equal("it is not valid JSON: " + problem, file.Error);
        Assert.Empty(file.Flows);
    }

    [Theory]
    [InlineData("{\"id\": \"a\"}", "it must be a JSON array of flows, as GET /v2/flows returns, or an object whose \"flows\" is one")]
    [InlineData("{\"flows\": {}}", "it must be a JSON array of flows, as GET /v2/flows returns, or an object whose \"flows\" is one")]
    [InlineData("\"flows\"", "it must be a JSON array of flows, as GET /v2/flows returns, or an object whose \"flows\" is one")]
    [InlineData("[{\"name\": \"a\"}]", "flow #1 is not an object with a string \"id\"")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": []}]", "\"file_input_config\" of flow 'a' is not an object")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": {\"file_fields\": {}}}]", "\"file_fields\" of flow 'a' is not an array")]
    [InlineData("[{\"id\": \"a\", \"file_input_config\": {\"file_fields\": [{\"key\": 1}]}}]", "file field #1 of flow 'a' is not an object with a string \"key\"")]
    public void Json_of_the_wrong_shape_says_what_is_wrong(string text, string problem)
        => Assert.Equal(problem, FlowDefinitionFile.Parse("tableflow.json", text).Error);

    [Theory]
    [InlineData("{\"templates\": [{\"id\": \"JlLZVabDjYWzu7C9\", \"fields\": []}]}")]
    [InlineData("{\"flows\": null, \"templates\": []}")]
    public void An_object_form_file_of_templates_only_has_no_flows_and_no_error(string text)
    {
        // The emulator takes this file as it is (its extraction templates, no flows); the generator must not call it broken.
        var file = FlowDefinitionFile.Parse("tableflow.json", text);

        Assert.Null(file.Error);
        Assert.Empty(file.Flows);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        Assert.StartsWith("it is not valid JSON: values are nested deeper than 64 levels", FlowDefinitionFile.Parse("tableflow.json", text).Error);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_reads_without_throwing()
    {
        for (var length = 0; length < Example.Length; length++)
        {
            var file = FlowDefinitionFile.Parse("tableflow.json", Example.Substring(0, length));
            Assert.True(file.Error is not null, $"a prefix of {length} characters was read as complete");
        }
    }

    [Fact]
    public void A_byte_order_mark_and_escapes_are_accepted()
    {
        var file = FlowDefinitionFile.Parse("tableflow.json", "\uFEFF[{\"id\": \"a\\u0062\\/c\"}]");

        Assert.Null(file.Error);
        Assert.Equal("ab/c", Assert.Single(file.Flows).Key);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_as_the_emulator_accepts_them()
    {
        var file = FlowDefinitionFile.Parse("tableflow.json", """
            // saved from GET /v2/flows on 2026-11-28
            [
              {
                "id": "a", /* the test flow */
                "file_input_config": { "file_fields": [ { "key": "scan", "required": true, }, ], },
              },
            ]
            """);

        Assert.Null(file.Error);
        Assert.Equal(new FlowFieldDefinition("scan", true, null), Assert.Single(file.Flows["a"].Fields));
    }

    [Theory]
    [InlineData("/repo/TableFlow.json", true)]
    [InlineData("C:\\repo\\tableflow.json", true)]
    [InlineData("/repo/tableflow.json.bak", false)]
    [InlineData("/repo/my-tableflow.json", false)]
    public void Only_files_named_tableflow_json_are_definitions(string path, bool expected)
        => Assert.Equal(expected, FlowDefinitionFile.IsDefinitionFile(path));
}
