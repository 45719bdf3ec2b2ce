using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class ListExtractionsTests : ExtractionTest
{
    private protected override void AddTemplates(TableFlowEmulator emulator)
    {
        emulator.AddTemplate("Invoices00000001", t => t.FileTypes("pdf"));
        emulator.AddTemplate("Sheets0000000001", t => t.FileTypes("xlsx", "csv"));
    }

    [Fact]
    public async Task The_list_is_newest_first_with_its_own_pagination_shape_and_a_bare_file_type()
    {
        var first = (await Api.UploadAsync(ExtractionApi.Form("auto", "a.pdf").Text("metadata", """{"n": 1}"""))).Str("id");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await Api.UploadAsync(ExtractionApi.Form("auto", "b.xlsx", Encoding.ASCII.GetBytes("PK"), "application/octet-stream"))).Str("id");

        var list = await Api.GetAsync("v2/extractions");
        Assert.Equal(["extractions", "total", "limit", "offset"], list.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, list.Int("total"));
        Assert.Equal(100, list.Int("limit"));
        Assert.Equal(0, list.Int("offset"));
        var items = list.GetProperty("extractions").EnumerateArray().ToArray();
        Assert.Equal([second, first], items.Select(i => i.Str("id")));

        Assert.Equal("Sheets0000000001", items[0].Str("template_id"));
        Assert.Equal("processing", items[0].Str("status"));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("metadata").ValueKind);
        Assert.Equal("""{"file_name":"b.xlsx","file_type":"xlsx"}""", items[0].GetProperty("file_info").GetRawText());
        Assert.Equal(1, items[1].At("metadata", "n").GetInt32());
        Assert.Equal("pdf", items[1].At("file_info", "file_type").GetString());

        Clock.Advance(TimeSpan.FromSeconds(2));
        var later = await Api.GetAsync("v2/extractions");
        var completed = later.GetProperty("extractions")[1];
        Assert.Equal("completed", completed.Str("status"));
        Assert.Equal(ManualClock.Start.AddSeconds(2).ToUnixTimeSeconds(), completed.GetProperty("updated_at").GetInt64());
    }

    [Fact]
    public async Task Template_id_limit_and_offset_select_the_page_and_limit_is_capped_at_1000()
    {
        for (var i = 0; i < 5; i++) await Api.UploadAsync(ExtractionApi.Form("Invoices00000001", $"{i}.pdf"));
        await Api.UploadAsync(ExtractionApi.Form("Sheets0000000001", "s.csv", Encoding.ASCII.GetBytes("a\n"), "text/csv"));

        var page = await Api.GetAsync("v2/extractions?template_id=Invoices00000001&limit=2&offset=1");
        Assert.Equal(5, page.Int("total"));
        Assert.Equal(2, page.Int("limit"));
        Assert.Equal(1, page.Int("offset"));
        Assert.Equal(["3.pdf", "2.pdf"], page.GetProperty("extractions").EnumerateArray().Select(i => i.At("file_info", "file_name").GetString()));

        var capped = await Api.GetAsync("v2/extractions?limit=5000");
        Assert.Equal(1000, capped.Int("limit"));
        Assert.Equal(6, capped.GetProperty("extractions").GetArrayLength());

        var none = await Api.GetAsync("v2/extractions?template_id=Other");
        Assert.Equal(0, none.Int("total"));

        var bad = await Api.GetAsync("v2/extractions?limit=0", 400);
        Assert.Equal("The parameter 'limit' must be a whole number of at least 1; it was '0'.", bad.Str("message"));
    }
}
