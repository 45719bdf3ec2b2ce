using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class GetExtractionTests : ExtractionTest
{
    private const string InvoiceTemplate = "JlLZVabDjYWzu7C9";

    private protected override TableFlowEmulatorOptions Options() => new() { TimeProvider = Clock, ProcessingTime = TimeSpan.FromSeconds(12) };

    private protected override void AddTemplates(TableFlowEmulator emulator)
    {
        emulator.AddTemplate(InvoiceTemplate, t => t
            .Name("Invoice Template")
            .Field("invoice_number", value: "INV-20230415", name: "Invoice Number")
            .Field("total_amount", "number", value: "1245.75")
            .Field("tax", "number", value: 12.5m)
            .Field("paid", "boolean", value: true)
            .Field("notes")
            .Table("line_items", l =>
            {
                l.Column("description").Column("quantity", "number").Column("unit_price", "number");
                l.Row("Ergonomic Office Chair", "1", "249.99").Row("Standing Desk", 2, 499.5m);
                for (var i = 2; i < 150; i++) l.Row($"Item {i}", "1", "1.00");
            }));
        emulator.AddTemplate("Broken0000000001", t => t.Name("Broken").ProcessingTime(TimeSpan.FromSeconds(3)).Fails("Extraction failed: the document is unreadable"));
    }

    [Fact]
    public async Task An_extraction_is_processing_with_no_data_until_its_time_has_passed_then_completed_with_its_history()
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form(InvoiceTemplate, "acme-invoice-apr2023.pdf"))).Str("id");

        Clock.Advance(TimeSpan.FromSeconds(11));
        var during = await Api.GetAsync($"v2/extractions/{id}");
        Assert.Equal("processing", during.Str("status"));
        Assert.Equal(["File uploaded"], during.GetProperty("status_history").EnumerateArray().Select(h => h.Str("message")));
        Assert.Empty(during.At("data", "fields", "values").EnumerateObject());
        Assert.Empty(during.At("data", "tables").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, during.GetProperty("stats").ValueKind);
        Assert.Equal(ExtractionStatus.Processing, Emulator.FindExtraction(id)!.Status);

        Clock.Advance(TimeSpan.FromSeconds(1));
        var done = await Api.GetAsync($"v2/extractions/{id}");
        Assert.Equal("completed", done.Str("status"));
        var history = done.GetProperty("status_history").EnumerateArray().ToArray();
        Assert.Equal(["processing", "completed"], history.Select(h => h.Str("status")));
        Assert.Equal(["File uploaded", "Extraction completed"], history.Select(h => h.Str("message")));
        Assert.Equal(ManualClock.Start.ToUnixTimeSeconds(), history[0].GetProperty("time").GetInt64());
        Assert.Equal(ManualClock.Start.AddSeconds(12).ToUnixTimeSeconds(), history[1].GetProperty("time").GetInt64());
        Assert.Equal(ManualClock.Start.ToUnixTimeSeconds(), done.GetProperty("created_at").GetInt64());
        Assert.Equal(ManualClock.Start.AddSeconds(12).ToUnixTimeSeconds(), done.GetProperty("updated_at").GetInt64());
        Assert.Equal(ExtractionStatus.Completed, Emulator.FindExtraction(id)!.Status);
    }

    [Fact]
    public async Task A_completed_extraction_has_the_full_documented_shape_with_values_as_the_template_gives_them()
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form(InvoiceTemplate, "acme-invoice-apr2023.pdf").Text("metadata", """{"reference": "R-1"}"""))).Str("id");
        Clock.Advance(TimeSpan.FromSeconds(12));
        var e = await Api.GetAsync($"v2/extractions/{id}");

        Assert.Equal(id, e.Str("id"));
        Assert.Equal(TableFlowEmulatorOptions.DefaultWorkspaceId, e.Str("workspace_id"));
        Assert.Equal(InvoiceTemplate, e.Str("template_id"));
        Assert.Equal("Invoice Template", e.Str("template_name"));
        Assert.Equal("acme-invoice-apr2023.pdf", e.Str("file_name"));
        Assert.Equal(ExtractionApi.Pdf.Length, e.Int("file_size"));
        Assert.Equal("R-1", e.At("metadata", "reference").GetString());

        var values = e.At("data", "fields", "values");
        Assert.Equal("INV-20230415", values.Str("invoice_number"));
        Assert.Equal(JsonValueKind.String, values.GetProperty("total_amount").ValueKind); // a string in the result stays a string
        Assert.Equal("12.5", values.GetProperty("tax").GetRawText());                     // a number stays a number
        Assert.Equal(JsonValueKind.True, values.GetProperty("paid").ValueKind);
        Assert.Equal(JsonValueKind.Null, values.GetProperty("notes").ValueKind);
        Assert.Empty(e.At("data", "fields", "validations").EnumerateObject());

        var table = e.At("data", "tables", "line_items");
        var pagination = table.GetProperty("pagination");
        Assert.Equal(0, pagination.Int("offset"));
        Assert.Equal(100, pagination.Int("limit"));
        Assert.Equal(150, pagination.Int("total"));
        Assert.Equal(100, pagination.Int("next_offset"));
        Assert.Equal("all", pagination.Str("filter"));
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(100, rows.Length);
        Assert.Equal(Enumerable.Range(0, 100), rows.Select(r => r.Int("index")));
        Assert.Equal("Ergonomic Office Chair", rows[0].At("values", "description").GetString());
        Assert.Equal("\"1\"", rows[0].At("values", "quantity").GetRawText());
        Assert.Equal("2", rows[1].At("values", "quantity").GetRawText());
        Assert.Equal("499.5", rows[1].At("values", "unit_price").GetRawText());
        Assert.Empty(rows[0].GetProperty("validations").EnumerateObject());

        var stats = e.GetProperty("stats");
        Assert.Equal("""{"valid":5,"invalid":0,"total":5}""", stats.GetProperty("fields").GetRawText());
        Assert.Equal("""{"rows":{"valid":150,"invalid":0,"total":150},"columns":{"total":3}}""", stats.At("tables", "line_items").GetRawText());

        var template = e.GetProperty("template");
        Assert.Equal(InvoiceTemplate, template.Str("id"));
        Assert.Equal("Invoice Template", template.Str("name"));
        var firstField = template.GetProperty("fields")[0];
        Assert.Equal("""{"key":"invoice_number","name":"Invoice Number","data_type":"string"}""", firstField.GetRawText());
        Assert.Equal("""{"key":"total_amount","name":"Total Amount","data_type":"number"}""", template.GetProperty("fields")[1].GetRawText());
        var lineItems = template.GetProperty("tables")[0];
        Assert.Equal("line_items", lineItems.Str("key"));
        Assert.Equal("Line Items", lineItems.Str("name"));
        Assert.Equal(["description", "quantity", "unit_price"], lineItems.GetProperty("columns").EnumerateArray().Select(c => c.Str("key")));
    }

    [Fact]
    public async Task A_template_set_to_fail_ends_failed_with_its_message_and_no_data()
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form("Broken0000000001"))).Str("id");
        Clock.Advance(TimeSpan.FromSeconds(3));
        var e = await Api.GetAsync($"v2/extractions/{id}");
        Assert.Equal("failed", e.Str("status"));
        Assert.Equal("Extraction failed: the document is unreadable", e.GetProperty("status_history")[1].Str("message"));
        Assert.Empty(e.At("data", "fields", "values").EnumerateObject());
        Assert.Equal(ExtractionStatus.Failed, Emulator.Extractions[0].Status);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_400()
    {
        var missing = await Api.GetAsync("v2/extractions/Nope000000000000", 404);
        Assert.Equal("Extraction 'Nope000000000000' was not found.", missing.Str("message"));
        var bad = await Api.GetAsync("v2/extractions/a%20b", 400);
        Assert.StartsWith("The extraction id 'a b' is not valid", bad.Str("message"));
    }

    [Fact]
    public async Task Values_set_in_code_are_snapshots_a_later_change_to_the_node_does_not_alter()
    {
        var node = new JsonObject { ["a"] = 1 };
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero });
        emulator.AddTemplate("T", t => t.Field("raw", "object", value: node));
        node["a"] = 2;
        using var http = emulator.CreateHttpClient();
        var api = new ExtractionApi(http);
        var id = (await api.UploadAsync(ExtractionApi.Form("T"))).Str("id");
        var e = await api.GetAsync($"v2/extractions/{id}");
        Assert.Equal("""{"a":1}""", e.At("data", "fields", "values", "raw").GetRawText());
    }
}
