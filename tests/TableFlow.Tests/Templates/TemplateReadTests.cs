using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Tests.Extractions;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Templates;

/// <summary>
/// Generated templates reading real extraction answers: FromExtraction on the documented examples of both page
/// generations, ReadAsync over loopback HTTP following every page of a long table, and bad values that become issues
/// naming field, table and row, never exceptions.
/// </summary>
public class TemplateReadTests
{
    private static Extraction Parse(string json) => JsonDocumentExtraction(json);

    /// <summary>The extraction as the client reads it: served once over loopback and fetched with GetExtractionAsync.</summary>
    private static Extraction JsonDocumentExtraction(string json)
    {
        var task = Task.Run(async () =>
        {
            await using var server = await ExtractionServer.AnsweringAsync(json);
            using var client = TestClients.Create(server);
            return await client.GetExtractionAsync(ExtractionJson.Id);
        });
        return task.GetAwaiter().GetResult();
    }

    [Fact]
    public void The_generated_members_name_the_template()
    {
        Assert.Equal("JlLZVabDjYWzu7C9", InvoiceData.TemplateId);
        var empty = new InvoiceData();
        Assert.Empty(empty.LineItems);
        Assert.Null(empty.InvoiceNumber);
        Assert.Equal("", new StrictData().Reference);
    }

    [Fact]
    public void FromExtraction_reads_the_newer_documented_example_fields_and_embedded_rows()
    {
        var result = InvoiceData.FromExtraction(Parse(ExtractionJson.NewerGet));

        Assert.Equal("INV-20230415", result.Value.InvoiceNumber);
        Assert.Equal(1245.75m, result.Value.TotalAmount);
        Assert.Null(result.Value.InvoiceDate);
        Assert.Collection(result.Value.LineItems,
            row => { Assert.Equal("Ergonomic Office Chair", row.Description); Assert.Equal(1, row.Quantity); Assert.Equal(249.99m, row.UnitPrice); },
            row => { Assert.Equal("Standing Desk", row.Description); Assert.Equal(2, row.Quantity); Assert.Equal(497.88m, row.UnitPrice); });
        Assert.Empty(result.Issues);
        Assert.False(result.HasErrors);
        Assert.Equal(ExtractionJson.Id, result.Extraction.Id);
    }

    [Fact]
    public void FromExtraction_reads_the_older_example_with_only_the_embedded_first_page()
    {
        var result = InvoiceData.FromExtraction(Parse(ExtractionJson.OlderGet));

        Assert.Equal(new DateOnly(2023, 4, 15), result.Value.InvoiceDate);
        Assert.Equal(1245.75m, result.Value.TotalAmount);
        var row = Assert.Single(result.Value.LineItems);
        Assert.Equal(1, row.Quantity);
        Assert.Null(row.UnitPrice);
        Assert.False(result.Extraction.Tables["line_items"].IsComplete);
    }

    [Fact]
    public async Task ReadAsync_follows_every_page_of_a_2500_row_table_over_loopback()
    {
        var extraction = """
            {"id":"uT2bJNWN75YPU95r","template_id":"JlLZVabDjYWzu7C9","status":"completed","created_at":1682366228,"updated_at":1682366240,
             "data":{"fields":{"values":{"invoice_number":"INV-1","total_amount":1245.75,"invoice_date":"2023-04-15T00:00:00Z"},"validations":{}},
              "tables":{"line_items":
            """ + ExtractionJson.RowsPage(0, 100, 2500) + "}}}";
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var path = context.Request.Path.Value!;
            if (path.EndsWith("/v2/extractions/uT2bJNWN75YPU95r", StringComparison.Ordinal)) return Respond.Json(context, 200, extraction);
            Assert.EndsWith("/v2/extractions/uT2bJNWN75YPU95r/tables/line_items/rows", path);
            var offset = ExtractionServer.QueryInt(context, "offset", 0);
            var limit = ExtractionServer.QueryInt(context, "limit", 100);
            return Respond.Json(context, 200, ExtractionJson.RowsPage(offset, limit, 2500));
        });
        using var client = TestClients.Create(server);

        var result = await InvoiceData.ReadAsync(client, ExtractionJson.Id);

        Assert.Equal("INV-1", result.Value.InvoiceNumber);
        Assert.Equal(1245.75m, result.Value.TotalAmount);
        Assert.Equal(new DateOnly(2023, 4, 15), result.Value.InvoiceDate);
        Assert.Equal(2500, result.Value.LineItems.Count);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (int?)i), result.Value.LineItems.Select(r => r.Quantity));
        Assert.Equal("Item 2499", result.Value.LineItems[2499].Description);
        Assert.True(server.RequestCount > 2, "the rows endpoint should have been paged");
        Assert.Equal(1, server.Requests.Count(r => r.Path.EndsWith(ExtractionJson.Id, StringComparison.Ordinal)));

        // Rows 7, 507, … carry a warning from the API, with table, row and column.
        Assert.Equal(new[] { 7, 507, 1007, 1507, 2007 }, result.Issues.Select(i => i.Row!.Value));
        Assert.All(result.Issues, issue =>
        {
            Assert.Equal("line_items", issue.Table);
            Assert.Equal("quantity", issue.Field);
            Assert.Equal(ExtractionIssueSeverity.Warning, issue.Severity);
            Assert.False(issue.IsConversion);
        });
        Assert.False(result.HasErrors);
    }

    [Fact]
    public async Task ReadAsync_makes_no_rows_request_when_the_extraction_embeds_the_whole_table()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.NewerGet);
        using var client = TestClients.Create(server);

        var result = await InvoiceData.ReadAsync(client, ExtractionJson.Id);

        Assert.Equal(2, result.Value.LineItems.Count);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ReadAsync_refuses_a_blank_id_before_any_request()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.NewerGet);
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => InvoiceData.ReadAsync(client, " "));
        Assert.Equal("extractionId", e.ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(() => InvoiceData.ReadAsync(null!, "x"));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public void Bad_values_become_conversion_issues_naming_field_table_and_row_never_exceptions()
    {
        var extraction = new Extraction
        {
            Id = "x1",
            Fields = new System.Collections.Generic.Dictionary<string, ExtractedValue>
            {
                ["count"] = Value("\"twelve\""),
                ["paid"] = Value("\"maybe\""),
                ["due"] = Value("\"15/04/2023\""),
                ["reference"] = Value("null"),
                ["raw"] = Value("{\"a\":1}"),
            },
            FieldIssues = new[] { new ExtractionIssue("count", null, ExtractionIssueSeverity.Error, "Count must be a number", "regex") },
            Tables = new System.Collections.Generic.Dictionary<string, ExtractionTable>
            {
                ["cells"] = new()
                {
                    Key = "cells",
                    Rows = new[]
                    {
                        new ExtractionRow(0, new System.Collections.Generic.Dictionary<string, ExtractedValue> { ["value"] = Value("1.5"), ["note"] = Value("\"ok\"") }),
                        new ExtractionRow(1, new System.Collections.Generic.Dictionary<string, ExtractedValue> { ["value"] = Value("\"1,5\"") }),
                    },
                },
            },
        };

        var result = StrictData.FromExtraction(extraction);

        Assert.Equal(0, result.Value.Count);
        Assert.False(result.Value.Paid);
        Assert.Equal(default, result.Value.DueAt);
        Assert.Equal("", result.Value.Reference);
        Assert.Equal(JsonValueKind.Object, result.Value.Raw.Kind);
        Assert.Equal(1.5, result.Value.Cells[0].Value);
        Assert.Equal(0, result.Value.Cells[1].Value);
        Assert.True(result.HasErrors);

        Assert.Equal(
            new[]
            {
                "count: error: Count must be a number (regex)",
                "count: error: The value \"twelve\" of field 'count' cannot be converted to int.",
                "paid: error: The value \"maybe\" of field 'paid' cannot be converted to bool (true/false or yes/no).",
                "due: error: The value \"15/04/2023\" of field 'due' cannot be converted to DateTimeOffset (RFC 3339 or yyyy-MM-dd).",
                "cells[1].value: error: The value \"1,5\" of column 'value' of table 'cells' (row 1) cannot be converted to double.",
            },
            result.Issues.Select(i => i.ToString()));
        var cell = result.Issues.Last();
        Assert.True(cell.IsConversion);
        Assert.Equal(("cells", 1, "value"), (cell.Table, cell.Row, cell.Field));
        Assert.False(result.Issues[0].IsConversion);
    }

    [Fact]
    public void Fields_arrive_as_typed_JSON_as_well_as_strings()
    {
        var extraction = new Extraction
        {
            Id = "x2",
            Fields = new System.Collections.Generic.Dictionary<string, ExtractedValue>
            {
                ["count"] = Value("12"),
                ["paid"] = Value("true"),
                ["due"] = Value("\"2023-04-15T10:30:00+02:00\""),
                ["reference"] = Value("\"R-1\""),
            },
        };

        var result = StrictData.FromExtraction(extraction);

        Assert.Empty(result.Issues);
        Assert.Equal(12, result.Value.Count);
        Assert.True(result.Value.Paid);
        Assert.Equal(new DateTimeOffset(2023, 4, 15, 10, 30, 0, TimeSpan.FromHours(2)), result.Value.DueAt);
        Assert.Equal("R-1", result.Value.Reference);
        Assert.True(result.Value.Raw.IsNull);
        Assert.Empty(result.Value.Cells);
    }

    [Fact]
    public async Task ExtractAsync_uploads_with_the_template_id_and_options()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.NewerUpload);
        using var client = TestClients.Create(server);
        await using var stream = new System.IO.MemoryStream(new byte[] { 1, 2, 3 });

        var extraction = await InvoiceData.ExtractAsync(client, FlowFile.FromStream(stream, "invoice.pdf"), name: "April",
            metadata: new JsonObject { ["reference"] = "INV-2023-04-15" });

        Assert.Equal(ExtractionJson.Id, extraction.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.EndsWith("v2/extractions/upload", request.Path);
        await Assert.ThrowsAsync<ArgumentNullException>(() => InvoiceData.ExtractAsync(client, null!));
    }

    private static ExtractedValue Value(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ExtractedValue(document.RootElement);
    }
}
