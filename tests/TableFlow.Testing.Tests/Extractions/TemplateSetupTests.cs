using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing.Cli;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class TemplateSetupTests
{
    private const string ObjectForm = """
        {
          "flows": [
            { "id": "dk4g1tUg1uHLs8YU", "name": "PO", "file_input_config": { "file_fields": [ { "key": "purchase_order", "required": true } ] } }
          ],
          "templates": [
            {
              "id": "JlLZVabDjYWzu7C9",
              "name": "Invoice Template",
              "file_types": ["document"],
              "fields": [
                { "key": "invoice_number", "name": "Invoice Number", "data_type": "string",
                  "validations": [ { "validate": "regex", "options": "^INV-", "severity": "error", "message": "Not an invoice number" } ] },
                { "key": "total_amount", "name": "Total Amount", "data_type": "number" }
              ],
              "tables": [
                { "key": "line_items", "name": "Line Items",
                  "columns": [ { "key": "quantity", "name": "Quantity", "data_type": "number", "validations": [ { "validate": "not_blank" } ] } ] }
              ],
              "result": { "fields": { "invoice_number": "PO-1", "total_amount": 1245.75 }, "tables": { "line_items": [ { "quantity": "2" }, {} ] } },
              "x_unknown_member": true
            }
          ],
          "comment": "members the reader does not know are ignored"
        }
        """;

    [Fact]
    public async Task The_object_form_of_tableflow_json_loads_flows_and_templates_with_their_results()
    {
        using var file = new TempFile(ObjectForm);
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = file.Path, ProcessingTime = TimeSpan.Zero });
        Assert.Equal(["dk4g1tUg1uHLs8YU"], emulator.FlowIds);
        Assert.Equal(["JlLZVabDjYWzu7C9"], emulator.TemplateIds);

        using var http = emulator.CreateHttpClient();
        var api = new ExtractionApi(http);
        var id = (await api.UploadAsync(ExtractionApi.Form("auto"))).Str("id");
        var e = await api.GetAsync($"v2/extractions/{id}");
        Assert.Equal("JlLZVabDjYWzu7C9", e.Str("template_id"));
        Assert.Equal("Invoice Template", e.Str("template_name"));
        Assert.Equal("PO-1", e.At("data", "fields", "values", "invoice_number").GetString());
        Assert.Equal("1245.75", e.At("data", "fields", "values", "total_amount").GetRawText());
        Assert.Equal("Not an invoice number", e.At("data", "fields", "validations", "invoice_number")[0].Str("message"));
        var rows = e.At("data", "tables", "line_items", "rows");
        Assert.Equal("\"2\"", rows[0].At("values", "quantity").GetRawText());
        Assert.Equal("not_blank", rows[1].At("validations", "quantity")[0].Str("validate"));
        Assert.Equal("""{"rows":{"valid":1,"invalid":1,"total":2},"columns":{"total":1}}""", e.At("stats", "tables", "line_items").GetRawText());

        var png = await api.TryUploadAsync(ExtractionApi.Form("JlLZVabDjYWzu7C9", "a.png", [1], "image/png"));
        Assert.Equal(400, png.Status);
    }

    [Fact]
    public async Task The_bare_array_form_still_loads_flows_and_no_templates_and_LoadFlows_reads_both()
    {
        using var bare = new TempFile("""[{ "id": "f1", "file_input_config": { "file_fields": [ { "key": "doc" } ] } }]""");
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = bare.Path });
        Assert.Equal(["f1"], emulator.FlowIds);
        Assert.Empty(emulator.TemplateIds);

        using var objectForm = new TempFile(ObjectForm);
        emulator.LoadFlows(objectForm.Path);
        Assert.Equal(["dk4g1tUg1uHLs8YU", "f1"], emulator.FlowIds.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(["JlLZVabDjYWzu7C9"], emulator.TemplateIds);
    }

    [Theory]
    [InlineData("""{"templates": {}}""", "at $.templates: expected an array of extraction templates, found an object.")]
    [InlineData("""{"flows": {}}""", "at $.flows: expected an array of flow definitions")]
    [InlineData(""""42"""", "at $: expected an array of flow definitions (the shape GET /v2/flows answers) or an object")]
    [InlineData("""{"templates": [{"name": "x"}]}""", "at $.templates[0]: the required property \"id\" is missing.")]
    [InlineData("""{"templates": [{"id": "auto"}]}""", "at $.templates[0].id: 'auto' is not a template id")]
    [InlineData("""{"templates": [{"id": "a"}, {"id": "a"}]}""", "at $.templates[1].id: template 'a' is defined twice.")]
    [InlineData("""{"templates": [{"id": "a", "file_types": ["docx"]}]}""", "at $.templates[0].file_types[0]: the file type 'docx' is not document, image, spreadsheet")]
    [InlineData("""{"templates": [{"id": "a", "fields": [{"key": "k", "validations": [{"validate": "x", "severity": "fatal"}]}]}]}""", "at $.templates[0].fields[0].validations[0].severity: The severity 'fatal' is not one of error, warning (or warn) and info.")]
    [InlineData("""{"templates": [{"id": "a", "fields": [{"key": "k", "validations": [{"validate": "regex", "options": "("}]}]}]}""", "at $.templates[0].fields[0].validations[0].options: The regex pattern '(' is not valid")]
    [InlineData("""{"templates": [{"id": "a", "fields": [{"key": "k"}], "result": {"fields": {"kk": 1}}}]}""", "at $.templates[0].result.fields.kk: the template has no field 'kk' (it defines k).")]
    [InlineData("""{"templates": [{"id": "a", "tables": [{"key": "t", "columns": [{"key": "c"}]}], "result": {"tables": {"t": [{"d": 1}]}}}]}""", "at $.templates[0].result.tables.t[0].d: table 't' has no column 'd' (it defines c).")]
    [InlineData("""{"templates": [{"id": "a", "tables": [{"key": "t"}], "result": {"tables": {"u": []}}}]}""", "at $.templates[0].result.tables.u: the template has no table 'u'.")]
    [InlineData("""{"templates": [{"id": "a", "tables": [{"key": "t"}], "result": {"tables": {"t": {}}}}]}""", "at $.templates[0].result.tables.t: expected an array of rows")]
    public async Task Problems_in_the_templates_name_their_place_in_the_file(string json, string expected)
    {
        using var file = new TempFile(json);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { FlowsFile = file.Path }));
        Assert.Contains($"The flow definition file '{file.Path}' is not valid " + expected, e.Message);
    }

    [Fact]
    public async Task The_readme_example_serves_what_it_says()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero });
        emulator.AddTemplate("JlLZVabDjYWzu7C9", t => t
            .Name("Invoice Template")
            .FileTypes("document", "image")
            .Field("invoice_number", value: "INV-20230415", validations: [EmulatedValidation.Regex("^INV-")])
            .Field("total_amount", "number", value: "1245.75")
            .Field("tax", "number", value: 207.63m)
            .Table("line_items", l => l
                .Column("description", validations: [EmulatedValidation.NotBlank()])
                .Column("quantity", "number")
                .Column("unit_price", "number", validations: [EmulatedValidation.NotBlank(severity: "warn")])
                .Row("Ergonomic Office Chair", "1", "249.99")
                .Row("Standing Desk", "2", null)));

        using var http = emulator.CreateHttpClient();
        var api = new ExtractionApi(http);
        var id = (await api.UploadAsync(ExtractionApi.Form("JlLZVabDjYWzu7C9", "invoice.pdf"))).Str("id");
        var extraction = emulator.Extractions[0];
        Assert.Equal("invoice.pdf", extraction.FileName);

        var e = await api.GetAsync($"v2/extractions/{id}");
        Assert.Equal("\"1245.75\"", e.At("data", "fields", "values", "total_amount").GetRawText());
        Assert.Equal("207.63", e.At("data", "fields", "values", "tax").GetRawText());
        Assert.Empty(e.At("data", "fields", "validations").EnumerateObject());
        var rows = e.At("data", "tables", "line_items", "rows");
        Assert.Equal("warn", rows[1].At("validations", "unit_price")[0].Str("severity"));
        Assert.Equal("""{"rows":{"valid":2,"invalid":0,"total":2},"columns":{"total":3}}""", e.At("stats", "tables", "line_items").GetRawText());
    }

    [Fact]
    public async Task Rows_can_be_given_by_column_key_and_columns_left_out_are_null()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero });
        emulator.AddTemplate("T", t => t.Table("l", l => l.Column("a").Column("b", "number").Row(new JsonObject { ["b"] = 2 })));
        using var http = emulator.CreateHttpClient();
        var api = new ExtractionApi(http);
        var id = (await api.UploadAsync(ExtractionApi.Form("T"))).Str("id");
        var row = (await api.GetAsync($"v2/extractions/{id}/tables/l/rows")).GetProperty("rows")[0];
        Assert.Equal("""{"a":null,"b":2}""", row.GetProperty("values").GetRawText());

        var e = Assert.Throws<ArgumentException>(() => emulator.AddTemplate("U", t => t.Table("l", l => l.Column("a").Row(new JsonObject { ["z"] = 1 }))));
        Assert.StartsWith("Row 0 of table 'l' names 'z', which is not one of its columns (a).", e.Message);
    }

    [Fact]
    public async Task Templates_configured_in_code_refuse_bad_ids_and_duplicates()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddTemplate("T1", t => t.Field("a"));
        Assert.Contains("The emulator already has a template 'T1'.", Assert.Throws<ArgumentException>(() => emulator.AddTemplate("T1", _ => { })).Message);
        Assert.Contains("'auto' is not a template id", Assert.Throws<ArgumentException>(() => emulator.AddTemplate("auto", _ => { })).Message);
        Assert.Contains("Template 'T2' already has a field 'a'.", Assert.Throws<ArgumentException>(() => emulator.AddTemplate("T2", t => t.Field("a").Field("a"))).Message);
        Assert.Contains("Row 0 of table 'l' has 2 cells but the table has 1 columns.",
            Assert.Throws<ArgumentException>(() => emulator.AddTemplate("T3", t => t.Table("l", l => l.Column("x").Row("1", "2")))).Message);
        Assert.Contains("add every column before the first row",
            Assert.Throws<InvalidOperationException>(() => emulator.AddTemplate("T4", t => t.Table("l", l => l.Column("x").Row("1").Column("y")))).Message);
        Assert.Contains("the file type 'docx' is not document", Assert.Throws<ArgumentException>(() => emulator.AddTemplate("T5", t => t.FileTypes("docx"))).Message);
        Assert.Equal(["T1"], emulator.TemplateIds);
    }

    [Fact]
    public async Task The_program_serves_the_templates_of_its_flows_file_and_lists_them_in_its_banner()
    {
        using var file = new TempFile(ObjectForm);
        using var stop = new CancellationTokenSource();
        var stdout = new StringWriter();
        var program = EmulatorProgram.RunAsync(["--flows", file.Path, "--port", "0", "--quiet"], stdout, new StringWriter(), stop.Token);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!stdout.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(20);
            var banner = stdout.ToString();
            Assert.Contains("Extraction templates:", banner);
            Assert.Contains("JlLZVabDjYWzu7C9 \"Invoice Template\" [document]: 2 field(s); tables line_items (2 rows)", banner);
        }
        finally
        {
            stop.Cancel();
            Assert.Equal(0, await program);
        }
    }
}
