using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// GetExtractionAsync over real HTTP, with the documented answers of both page generations and the odd shapes the docs
/// leave open (values as strings or typed JSON, <c>warn</c>/<c>warning</c>, unknown statuses, missing members,
/// <c>file_type</c> as object or string, each generation's key for the failed rule).
/// </summary>
public sealed class ExtractionReadTests
{
    [Fact]
    public async Task The_newer_documented_answer_reads_with_every_field_table_stat_and_template()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.NewerGet);
        using var client = TestClients.Create(server);

        var extraction = await client.GetExtractionAsync(ExtractionJson.Id);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v2/extractions/uT2bJNWN75YPU95r", request.Path);
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Authorization);

        Assert.Equal("uT2bJNWN75YPU95r", extraction.Id);
        Assert.Equal("dk4g1tUg1uHLs8YU", extraction.WorkspaceId);
        Assert.Equal("JlLZVabDjYWzu7C9", extraction.TemplateId);
        Assert.Equal("Invoice Template", extraction.TemplateName);
        Assert.Equal("acme-invoice-apr2023.pdf", extraction.FileName);
        Assert.Equal(245872, extraction.FileSize);
        Assert.Equal(("document", "pdf", "application/pdf"), (extraction.FileType!.Key, extraction.FileType.Extension, extraction.FileType.MimeType));
        Assert.Equal(ExtractionStatus.Completed, extraction.Status);
        Assert.Equal("completed", extraction.StatusText);
        Assert.True(extraction.IsTerminal);
        Assert.Equal([ExtractionStatus.Processing, ExtractionStatus.Completed], extraction.StatusHistory.Select(h => h.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366240), extraction.StatusHistory[1].Time);
        Assert.Equal("Extraction completed", extraction.StatusHistory[1].Message);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), extraction.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366240), extraction.UpdatedAt);
        Assert.Null(extraction.Metadata); // absent from every documented get answer

        Assert.Equal("INV-20230415", extraction.Fields["invoice_number"].ToString());
        Assert.Equal("1245.75", extraction.Fields["total_amount"].ToString());
        Assert.Equal(JsonValueKind.String, extraction.Fields["total_amount"].Kind);
        Assert.Empty(extraction.FieldIssues);

        var table = extraction.Tables["line_items"];
        Assert.Equal("line_items", table.Key);
        Assert.Equal(2, table.Total);
        Assert.Null(table.NextOffset);
        Assert.True(table.IsComplete);
        Assert.Equal([0, 1], table.Rows.Select(r => r.Index));
        Assert.Equal("Standing Desk", table.Rows[1]["description"].ToString());
        Assert.Equal("995.76", table.Rows[1].Values["amount"].ToString());

        Assert.Equal((5, 0, 5), (extraction.Stats!.Fields!.Valid, extraction.Stats.Fields.Invalid, extraction.Stats.Fields.Total));
        Assert.Equal(2, extraction.Stats.Tables["line_items"].Rows!.Valid);
        Assert.Equal(4, extraction.Stats.Tables["line_items"].ColumnCount);

        Assert.Equal("JlLZVabDjYWzu7C9", extraction.Template!.Id);
        Assert.Equal(("invoice_number", "Invoice Number", "string"), (extraction.Template.Fields[0].Key, extraction.Template.Fields[0].Name, extraction.Template.Fields[0].DataType));
        Assert.Equal("line_items", extraction.Template.Tables[0].Key);
        Assert.Equal("description", Assert.Single(extraction.Template.Tables[0].Columns).Key);
    }

    [Fact]
    public async Task The_older_answer_with_a_uuid_template_and_no_stats_or_template_reads_and_says_its_table_is_a_first_page()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.OlderGet);
        using var client = TestClients.Create(server);

        var extraction = await client.GetExtractionAsync(ExtractionJson.Id);

        Assert.Equal(ExtractionJson.OlderTemplateId, extraction.TemplateId);
        Assert.Null(extraction.Stats);
        Assert.Null(extraction.Template);
        Assert.Equal("2023-04-15", extraction.Fields["invoice_date"].ToString());
        var table = extraction.Tables["line_items"];
        Assert.Equal(150, table.Total);
        Assert.Equal(100, table.NextOffset);
        Assert.False(table.IsComplete); // only the first page is embedded: ListExtractionRowsAsync reads the rest
    }

    [Fact]
    public async Task Typed_values_are_kept_as_typed_json_and_strings_as_strings()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""
            {"id":"x1","status":"completed","data":{"fields":{"values":
              {"total":1245.75,"count":3,"paid":true,"due":"2023-04-15T00:00:00Z","note":null,"as_text":"1245.75"}}}}
            """);
        using var client = TestClients.Create(server);

        var fields = (await client.GetExtractionAsync("x1")).Fields;

        Assert.Equal(JsonValueKind.Number, fields["total"].Kind);
        Assert.Equal("1245.75", fields["total"].ToString());
        Assert.Equal(1245.75m, fields["total"].Json.GetDecimal());
        Assert.Equal("3", fields["count"].ToString());
        Assert.Equal("true", fields["paid"].ToString());
        Assert.Equal(JsonValueKind.True, fields["paid"].Kind);
        Assert.Equal("2023-04-15T00:00:00Z", fields["due"].ToString());
        Assert.True(fields["note"].IsNull);
        Assert.Equal("", fields["note"].ToString());
        Assert.NotEqual(fields["total"], fields["as_text"]); // 1245.75 and "1245.75" differ as raw JSON
        Assert.Equal(fields["as_text"].ToString(), fields["total"].ToString());
    }

    [Fact]
    public async Task Validations_read_with_validate_rule_or_type_as_the_rule_and_warn_or_warning_as_warning()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""
            {"id":"x1","status":"completed","data":{
              "fields":{"values":{"invoice_number":"","email":"nobody"},
                        "validations":{"invoice_number":[{"validate":"not_blank","severity":"error","message":"Invoice number is required"}],
                                       "email":[{"rule":"email","severity":"warning","message":"Not an email address"},
                                                {"type":"length","severity":"info","message":"Short"}]}},
              "tables":{"line_items":{"pagination":{"offset":0,"limit":100,"total":1,"next_offset":null},
                "rows":[{"index":0,"values":{"quantity":"-1"},
                         "validations":{"quantity":[{"validate":"range","severity":"warn","message":"Quantity must be positive"},
                                                    {"validate":"decimal","severity":"critical","message":"Odd"}]}}]}}}}
            """);
        using var client = TestClients.Create(server);

        var extraction = await client.GetExtractionAsync("x1");

        Assert.Equal(3, extraction.FieldIssues.Count);
        var blank = extraction.FieldIssues[0];
        Assert.Equal(("invoice_number", "not_blank", ExtractionIssueSeverity.Error, "Invoice number is required"), (blank.Field, blank.Rule, blank.Severity, blank.Message));
        Assert.Null(blank.Table);
        Assert.Null(blank.Row);
        Assert.False(blank.IsConversion);
        Assert.Equal(("email", ExtractionIssueSeverity.Warning, "warning"), (extraction.FieldIssues[1].Rule, extraction.FieldIssues[1].Severity, extraction.FieldIssues[1].SeverityText));
        Assert.Equal(("length", ExtractionIssueSeverity.Info), (extraction.FieldIssues[2].Rule, extraction.FieldIssues[2].Severity));

        var row = Assert.Single(extraction.Tables["line_items"].Rows);
        Assert.Equal(2, row.Issues.Count);
        var warn = row.Issues[0];
        Assert.Equal(("line_items", 0, "quantity", "range"), (warn.Table, warn.Row, warn.Field, warn.Rule));
        Assert.Equal(ExtractionIssueSeverity.Warning, warn.Severity);
        Assert.Equal("warn", warn.SeverityText);
        Assert.Equal("line_items[0].quantity: warning: Quantity must be positive (range)", warn.ToString());
        Assert.Equal(ExtractionIssueSeverity.Unknown, row.Issues[1].Severity);
        Assert.Equal("critical", row.Issues[1].SeverityText);
    }

    [Theory]
    [InlineData("processing", ExtractionStatus.Processing)]
    [InlineData("created", ExtractionStatus.Created)]
    [InlineData("Completed", ExtractionStatus.Completed)]
    [InlineData("failed", ExtractionStatus.Failed)]
    [InlineData("review", ExtractionStatus.Unknown)]
    [InlineData("queued_for_ocr", ExtractionStatus.Unknown)]
    public async Task Statuses_read_case_insensitively_and_unknown_ones_keep_their_text(string status, ExtractionStatus expected)
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.InStatus("x1", status));
        using var client = TestClients.Create(server);

        var extraction = await client.GetExtractionAsync("x1");

        Assert.Equal(expected, extraction.Status);
        Assert.Equal(status, extraction.StatusText);
        Assert.Equal(expected is ExtractionStatus.Completed or ExtractionStatus.Failed, extraction.IsTerminal);
    }

    [Fact]
    public async Task A_bare_answer_without_data_metadata_stats_or_template_reads_with_empty_collections()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"id":"x1"}""");
        using var client = TestClients.Create(server);

        var extraction = await client.GetExtractionAsync("x1");

        Assert.Equal(ExtractionStatus.Unknown, extraction.Status);
        Assert.Equal("", extraction.StatusText);
        Assert.Empty(extraction.Fields);
        Assert.Empty(extraction.FieldIssues);
        Assert.Empty(extraction.Tables);
        Assert.Empty(extraction.StatusHistory);
        Assert.Null(extraction.Metadata);
        Assert.Null(extraction.Stats);
        Assert.Null(extraction.Template);
        Assert.Null(extraction.FileType);
        Assert.Null(extraction.CreatedAt);
    }

    [Fact]
    public async Task Odd_member_shapes_read_as_defaults_and_numbers_as_strings_read_as_numbers()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""
            {"id":"x1","status":"completed","file_size":"245872","file_type":"pdf","created_at":"1682366228","updated_at":{"x":1},
             "metadata":"not an object","status_history":"none","stats":[],"template":"JlLZVabDjYWzu7C9",
             "data":{"fields":{"values":[],"validations":"none"},"tables":{"line_items":{"pagination":{"total":"3","next_offset":"2"},"rows":[{"values":{"q":"1"}},7,{"index":"5","values":{"q":"2"}}]}}}}
            """);
        using var client = TestClients.Create(server);

        var extraction = await client.GetExtractionAsync("x1");

        Assert.Equal(245872, extraction.FileSize);
        Assert.Equal("pdf", extraction.FileType!.Extension); // a bare string is the extension
        Assert.Null(extraction.FileType.Key);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), extraction.CreatedAt);
        Assert.Null(extraction.UpdatedAt);
        Assert.Null(extraction.Metadata);
        Assert.Empty(extraction.StatusHistory);
        Assert.Null(extraction.Stats);
        Assert.Null(extraction.Template);
        Assert.Empty(extraction.Fields);
        Assert.Empty(extraction.FieldIssues);
        var table = extraction.Tables["line_items"];
        Assert.Equal((3, 2), (table.Total, table.NextOffset));
        Assert.Equal([0, 5], table.Rows.Select(r => r.Index)); // a row without an index takes its place; a non-object row is skipped
    }

    [Fact]
    public async Task An_unknown_extraction_is_a_TableFlowApiException_with_the_status_and_the_APIs_message()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"error":"Extraction not found"}""", status: 404);
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetExtractionAsync("nope"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("Extraction not found", e.Error);
        Assert.Contains("reading extraction 'nope'", e.Message);
        Assert.False(e.RunMayHaveStarted);
        Assert.Equal(1, server.RequestCount); // a 404 is not retried
    }

    [Fact]
    public async Task An_answer_that_is_not_an_extraction_says_so()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"status":"completed"}""");
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.GetExtractionAsync("x1"));

        Assert.Contains("an extraction", e.Message);
        Assert.Contains("without \"id\"", e.Message);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_503()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 503, """{"error":"busy"}""") : Respond.Json(c, 200, ExtractionJson.NewerGet));
        using var client = TestClients.Create(server);

        var extraction = await client.GetExtractionAsync(ExtractionJson.Id);

        Assert.Equal(ExtractionStatus.Completed, extraction.Status);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("id with space")]
    public async Task Ids_that_cannot_stand_in_a_path_are_refused_before_any_request(string bad)
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.NewerGet);
        using var client = TestClients.Create(server);

        var get = await Assert.ThrowsAsync<ArgumentException>(() => client.GetExtractionAsync(bad));
        Assert.Equal("extractionId", get.ParamName);
        Assert.Contains("extraction id", get.Message);
        Assert.Equal("extractionId", Assert.Throws<ArgumentException>(() => client.ListExtractionRowsAsync(bad, "line_items")).ParamName);
        Assert.Equal("extractionId", (await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadOriginalAsync(bad))).ParamName);
        Assert.Equal("extractionId", (await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForExtractionAsync(bad))).ParamName);
        Assert.Equal(0, server.RequestCount);
    }
}
