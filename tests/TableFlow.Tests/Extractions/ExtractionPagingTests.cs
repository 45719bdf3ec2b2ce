using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// The two pagination shapes over real HTTP: table rows follow <c>pagination.next_offset</c> (always sending both
/// <c>offset</c> and <c>limit</c>, which the older pages mark required); the list follows its top-level
/// <c>{total, limit, offset}</c> by offset until a short or empty page or the total.
/// </summary>
public sealed class ExtractionPagingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_of_a_2500_row_table_are_read_across_pages_in_order_with_their_issues(bool typed)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200,
            ExtractionJson.RowsPage(ExtractionServer.QueryInt(c, "offset", -1), ExtractionServer.QueryInt(c, "limit", -1), 2500, typed)));
        using var client = TestClients.Create(server);

        var rows = new List<ExtractionRow>();
        await foreach (var row in client.ListExtractionRowsAsync(ExtractionJson.Id, "line_items")) rows.Add(row);

        Assert.Equal(Enumerable.Range(0, 2500), rows.Select(r => r.Index));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => i.ToString()), rows.Select(r => r["quantity"].ToString()));
        Assert.Equal($"Item 2499", rows[^1]["description"].ToString());
        var flagged = rows.Where(r => r.Issues.Count > 0).ToList();
        Assert.Equal([7, 507, 1007, 1507, 2007], flagged.Select(r => r.Index));
        var issue = flagged[2].Issues.Single();
        Assert.Equal(("line_items", 1007, "quantity", "range", ExtractionIssueSeverity.Warning), (issue.Table, issue.Row, issue.Field, issue.Rule, issue.Severity));

        Assert.Equal(3, server.RequestCount);
        Assert.All(server.Requests, r => Assert.Equal("/v2/extractions/uT2bJNWN75YPU95r/tables/line_items/rows", r.Path));
        Assert.Equal(["0", "1000", "2000"], server.Requests.Select(r => ExtractionServer.QueryValue(r, "offset")));
        Assert.All(server.Requests, r => Assert.Equal("1000", ExtractionServer.QueryValue(r, "limit")));
        Assert.All(server.Requests, r => Assert.Null(ExtractionServer.QueryValue(r, "filter")));
    }

    [Fact]
    public async Task A_server_with_smaller_pages_is_followed_by_its_next_offset_and_the_filter_is_sent_on_every_page()
    {
        // The older API's "error" filter; the server serves 100 rows per page whatever it is asked.
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200,
            ExtractionJson.RowsPage(ExtractionServer.QueryInt(c, "offset", -1), 100, 250)));
        using var client = TestClients.Create(server);

        var indexes = new List<int>();
        await foreach (var row in client.ListExtractionRowsAsync(ExtractionJson.Id, "line_items", "error")) indexes.Add(row.Index);

        Assert.Equal(Enumerable.Range(0, 250), indexes);
        Assert.Equal(["0", "100", "200"], server.Requests.Select(r => ExtractionServer.QueryValue(r, "offset")));
        Assert.All(server.Requests, r => Assert.Equal("error", ExtractionServer.QueryValue(r, "filter")));
        Assert.All(server.Requests, r => Assert.Equal("1000", ExtractionServer.QueryValue(r, "limit")));
    }

    [Fact]
    public async Task Rows_sent_without_an_index_are_numbered_by_their_place_even_after_an_entry_that_is_not_a_row()
    {
        // The second page starts at 3; its first entry is null and its third a string: neither is a row, yet each
        // keeps its place, so the rows around them get the index their position on the page gives.
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, n == 1
            ? """{"pagination":{"offset":0,"limit":3,"total":6,"next_offset":3},"rows":[{"values":{"q":"a"}},{"values":{"q":"b"}},{"values":{"q":"c"}}]}"""
            : """{"pagination":{"offset":3,"limit":3,"total":6,"next_offset":null},"rows":[null,{"values":{"q":"e"}},"oops",{"values":{"q":"g"}}]}"""));
        using var client = TestClients.Create(server);

        var rows = new List<ExtractionRow>();
        await foreach (var row in client.ListExtractionRowsAsync(ExtractionJson.Id, "line_items")) rows.Add(row);

        Assert.Equal([(0, "a"), (1, "b"), (2, "c"), (4, "e"), (6, "g")], rows.Select(r => (r.Index, r["q"].ToString())));
    }

    [Fact]
    public async Task A_comma_separated_filter_is_sent_escaped()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, ExtractionJson.RowsPage(0, 1000, 3)));
        using var client = TestClients.Create(server);

        var count = 0;
        await foreach (var _ in client.ListExtractionRowsAsync(ExtractionJson.Id, "line_items", "error,warn")) count++;

        Assert.Equal(3, count);
        Assert.Equal("error,warn", ExtractionServer.QueryValue(Assert.Single(server.Requests), "filter"));
        Assert.Contains("filter=error%2Cwarn", server.Requests[0].Query);
    }

    [Fact]
    public async Task A_next_offset_pointing_back_to_a_page_already_read_ends_with_an_error_not_a_loop()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200,
            """{"pagination":{"offset":0,"limit":2,"total":10,"next_offset":0},"rows":[{"index":0,"values":{}},{"index":1,"values":{}}]}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(async () =>
        {
            await foreach (var _ in client.ListExtractionRowsAsync("x1", "t")) { }
        });

        Assert.Contains("offset 0, which was already read", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_unknown_table_is_a_TableFlowApiException()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"error":"Table not found"}""", status: 404);
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(async () =>
        {
            await foreach (var _ in client.ListExtractionRowsAsync("x1", "nope")) { }
        });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("table 'nope'", e.Message);
    }

    [Fact]
    public async Task The_list_reads_the_documented_page_with_file_info_and_null_metadata()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.List);
        using var client = TestClients.Create(server);

        var items = new List<ExtractionSummary>();
        await foreach (var item in client.ListExtractionsAsync()) items.Add(item);

        Assert.Equal(2, items.Count);
        var first = items[0];
        Assert.Equal(("uT2bJNWN75YPU95r", ExtractionStatus.Completed, "completed"), (first.Id, first.Status, first.StatusText));
        Assert.Equal("JlLZVabDjYWzu7C9", first.TemplateId);
        Assert.Equal("acme-invoice-apr2023.pdf", first.FileName);
        Assert.Equal("pdf", first.FileType!.Extension); // the list's bare "pdf"
        Assert.Null(first.FileType.MimeType);
        Assert.Null(first.Metadata);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366240), first.UpdatedAt);
        Assert.Equal(ExtractionStatus.Processing, items[1].Status);
        Assert.Equal("INV-2023-04-16", (string?)items[1].Metadata!["reference"]);

        var request = Assert.Single(server.Requests); // total reached on the first page
        Assert.Equal("/v2/extractions", request.Path);
        Assert.Equal("0", ExtractionServer.QueryValue(request, "offset"));
        Assert.Null(ExtractionServer.QueryValue(request, "limit"));
    }

    [Fact]
    public async Task The_list_follows_offsets_until_the_total_with_the_template_filter_and_page_size_on_every_page()
    {
        var all = Enumerable.Range(0, 7).Select(i => $"ext{i:D13}").ToArray();
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            var offset = ExtractionServer.QueryInt(c, "offset", 0);
            var limit = ExtractionServer.QueryInt(c, "limit", 100);
            return Respond.Json(c, 200, ExtractionJson.ListPage(all.Skip(offset).Take(limit), all.Length, limit, offset));
        });
        using var client = TestClients.Create(server);

        var ids = new List<string>();
        await foreach (var item in client.ListExtractionsAsync(new ExtractionQuery { TemplateId = ExtractionJson.OlderTemplateId, PageSize = 3 })) ids.Add(item.Id);

        Assert.Equal(all, ids);
        Assert.Equal(["0", "3", "6"], server.Requests.Select(r => ExtractionServer.QueryValue(r, "offset")));
        Assert.All(server.Requests, r => Assert.Equal("3", ExtractionServer.QueryValue(r, "limit")));
        Assert.All(server.Requests, r => Assert.Equal(ExtractionJson.OlderTemplateId, ExtractionServer.QueryValue(r, "template_id")));
    }

    [Fact]
    public async Task Without_a_total_the_list_ends_on_a_short_page()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            var offset = ExtractionServer.QueryInt(c, "offset", 0);
            var ids = Enumerable.Range(offset, offset == 0 ? 2 : 1).Select(i => $"e{i}");
            return Respond.Json(c, 200, $$"""{"extractions":[{{string.Join(",", ids.Select(ExtractionJson.ListItem))}}]}""");
        });
        using var client = TestClients.Create(server);

        var ids = new List<string>();
        await foreach (var item in client.ListExtractionsAsync(new ExtractionQuery { PageSize = 2 })) ids.Add(item.Id);

        Assert.Equal(["e0", "e1", "e2"], ids);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_server_that_ignores_the_offset_ends_with_an_error_not_a_loop()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, ExtractionJson.ListPage(["a", "b"], 1000, 2, 0)));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(async () =>
        {
            await foreach (var _ in client.ListExtractionsAsync(new ExtractionQuery { PageSize = 2 })) { }
        });

        Assert.Contains("same page again", e.Message);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Bad_queries_are_refused_at_the_call_before_any_request()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.List);
        using var client = TestClients.Create(server);

        Assert.Throws<ArgumentOutOfRangeException>(() => client.ListExtractionsAsync(new ExtractionQuery { PageSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.ListExtractionsAsync(new ExtractionQuery { PageSize = 1001 }));
        Assert.Contains("TemplateId is empty", Assert.Throws<ArgumentException>(() => client.ListExtractionsAsync(new ExtractionQuery { TemplateId = "" })).Message);
        Assert.Equal("filter", Assert.Throws<ArgumentException>(() => client.ListExtractionRowsAsync("x1", "t", " ")).ParamName);
        Assert.Equal(0, server.RequestCount);
    }
}
