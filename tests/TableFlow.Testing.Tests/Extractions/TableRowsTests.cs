using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class TableRowsTests : ExtractionTest
{
    private protected override TableFlowEmulatorOptions Options() => new() { ProcessingTime = TimeSpan.Zero };

    private protected override void AddTemplates(TableFlowEmulator emulator)
    {
        emulator.AddTemplate("Big0000000000001", t => t.Table("line_items", l =>
        {
            l.Column("sku", validations: [EmulatedValidation.NotBlank()])
             .Column("note", validations: [EmulatedValidation.NotBlank(severity: "warn", message: "Add a note")])
             .Column("qty", "number");
            for (var i = 0; i < 2500; i++)
            {
                // Every 10th row lacks its sku (an error), every 7th its note (a warning).
                l.Row(i % 10 == 3 ? null : $"SKU-{i}", i % 7 == 0 ? "" : "ok", i);
            }
        }));
    }

    [Fact]
    public async Task Paging_2500_rows_with_the_defaults_follows_next_offset_to_null_and_sees_every_row_once()
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form("Big0000000000001"))).Str("id");
        var first = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows");
        Assert.Equal("""{"offset":0,"limit":100,"total":2500,"next_offset":100,"filter":"all"}""", first.GetProperty("pagination").GetRawText());

        var seen = new List<int>();
        int? offset = 0;
        var pages = 0;
        while (offset is { } at)
        {
            var page = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?offset={at}&limit=1000");
            seen.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.Int("index")));
            var next = page.At("pagination", "next_offset");
            offset = next.ValueKind == JsonValueKind.Null ? null : next.GetInt32();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 2500), seen);

        var last = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?offset=2400&limit=5000");
        Assert.Equal(1000, last.At("pagination", "limit").GetInt32());
        Assert.Equal(100, last.GetProperty("rows").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.At("pagination", "next_offset").ValueKind);
    }

    [Fact]
    public async Task Filters_select_rows_by_their_issues_and_rows_carry_their_validations()
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form("Big0000000000001"))).Str("id");

        var invalid = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?filter=invalid&limit=1000");
        Assert.Equal(250, invalid.At("pagination", "total").GetInt32());
        Assert.Equal("invalid", invalid.At("pagination", "filter").GetString());
        var row = invalid.GetProperty("rows")[0];
        Assert.Equal(3, row.Int("index"));
        Assert.Equal(JsonValueKind.Null, row.At("values", "sku").ValueKind);
        Assert.Equal("""[{"validate":"not_blank","severity":"error","message":"Sku must not be blank"}]""", row.At("validations", "sku").GetRawText());

        var valid = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?filter=valid");
        Assert.Equal(2250, valid.At("pagination", "total").GetInt32());
        Assert.Equal(0, valid.GetProperty("rows")[0].Int("index")); // a warning leaves a row valid

        var warn = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?filter=warn&limit=3");
        Assert.Equal(358, warn.At("pagination", "total").GetInt32()); // ceil(2500 / 7)
        Assert.Equal([0, 7, 14], warn.GetProperty("rows").EnumerateArray().Select(r => r.Int("index")));
        Assert.Equal("Add a note", warn.GetProperty("rows")[0].At("validations", "note")[0].Str("message"));

        var union = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?filter=error,warn&limit=3");
        Assert.Equal("error,warn", union.At("pagination", "filter").GetString());
        Assert.Equal([0, 3, 7], union.GetProperty("rows").EnumerateArray().Select(r => r.Int("index")));
        Assert.Equal(Enumerable.Range(0, 2500).Count(i => i % 10 == 3 || i % 7 == 0), union.At("pagination", "total").GetInt32());

        var info = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?filter=info");
        Assert.Equal(0, info.At("pagination", "total").GetInt32());
        Assert.Empty(info.GetProperty("rows").EnumerateArray());

        var stats = (await Api.GetAsync($"v2/extractions/{id}")).At("stats", "tables", "line_items", "rows");
        Assert.Equal("""{"valid":2250,"invalid":250,"total":2500}""", stats.GetRawText());
    }

    [Fact]
    public async Task Bad_parameters_unknown_tables_and_unfinished_extractions_are_refused()
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form("Big0000000000001"))).Str("id");
        var filter = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?filter=bogus", 400);
        Assert.Equal("The parameter 'filter' has 'bogus'; use all, valid, invalid, error, warn or info, comma-separated.", filter.Str("message"));
        var offset = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/rows?offset=-1", 400);
        Assert.Equal("The parameter 'offset' must be a whole number of at least 0; it was '-1'.", offset.Str("message"));
        var table = await Api.GetAsync($"v2/extractions/{id}/tables/nope/rows", 404);
        Assert.Equal($"Extraction '{id}' has no table 'nope' (template 'Big0000000000001' has line_items).", table.Str("message"));

        Emulator.AddTemplate("Slow000000000001", t => t.ProcessingTime(TimeSpan.FromHours(1)).Table("t", l => l.Column("a").Row("x")));
        var slow = (await Api.UploadAsync(ExtractionApi.Form("Slow000000000001"))).Str("id");
        var processing = await Api.GetAsync($"v2/extractions/{slow}/tables/t/rows", 400);
        Assert.Equal("Cannot read the rows of extraction while in status processing", processing.Str("error"));
    }
}
