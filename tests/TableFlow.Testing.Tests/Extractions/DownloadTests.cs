using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class DownloadTests : ExtractionTest
{
    private protected override void AddTemplates(TableFlowEmulator emulator)
    {
        emulator.AddTemplate("Csv0000000000001", t => t.Table("line_items", l => l
            .Column("description", validations: [EmulatedValidation.NotBlank()])
            .Column("quantity", "number")
            .Column("unit_price", "number")
            .Row("Chair, ergonomic", "1", 249.99m)
            .Row("The \"Pro\" desk", 2, "499.50")
            .Row(null, 3, true)
            .Row("Two\r\nlines", null, "")));
        emulator.AddTemplate("Big0000000000001", t => t.Table("rows", l =>
        {
            l.Column("n", "number").Column("text");
            for (var i = 0; i < 2500; i++) l.Row(i, "row " + i);
        }));
    }

    [Fact]
    public async Task The_csv_has_a_header_of_column_keys_and_rfc_4180_quoting()
    {
        var id = await CompletedAsync("Csv0000000000001");
        using var response = await Http.GetAsync($"v2/extractions/{id}/tables/line_items/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("line_items.csv", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            "description,quantity,unit_price\r\n" +
            "\"Chair, ergonomic\",1,249.99\r\n" +
            "\"The \"\"Pro\"\" desk\",2,499.50\r\n" +
            ",3,true\r\n" +
            "\"Two\r\nlines\",,\r\n",
            csv);
    }

    [Theory]
    [InlineData("valid", "\"Chair, ergonomic\"|\"The \"\"Pro\"\" desk\"|\"Two\r\nlines\"")]
    [InlineData("invalid", "")]
    [InlineData("error", "")]
    [InlineData("all", "\"Chair, ergonomic\"|\"The \"\"Pro\"\" desk\"||\"Two\r\nlines\"")]
    public async Task The_filter_selects_rows(string filter, string descriptions)
    {
        var id = await CompletedAsync("Csv0000000000001");
        using var response = await Http.GetAsync($"v2/extractions/{id}/tables/line_items/download?filter={filter}");
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n").Skip(1).Where(l => l.Length > 0).ToArray();
        var expected = descriptions.Split('|');
        Assert.Equal(expected.Length, CountRecords(csv) - 1);
        Assert.StartsWith(expected[0], lines[0]);
    }

    [Fact]
    public async Task A_2500_row_table_is_streamed_in_chunks_without_a_content_length()
    {
        var id = await CompletedAsync("Big0000000000001");
        using var response = await Http.GetAsync($"v2/extractions/{id}/tables/rows/download", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("n,text", await reader.ReadLineAsync());
        for (var i = 0; i < 2500; i++) Assert.Equal($"{i},row {i}", await reader.ReadLineAsync());
        Assert.Null(await reader.ReadLineAsync());
    }

    [Fact]
    public async Task A_download_before_completion_is_refused_with_the_documented_error()
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form("Csv0000000000001"))).Str("id");
        var body = await Api.GetAsync($"v2/extractions/{id}/tables/line_items/download", 400);
        Assert.Equal("Cannot download extraction while in status processing", body.Str("error"));
        var unknown = await Api.GetAsync($"v2/extractions/{id}/tables/other/download", 404);
        Assert.Contains("has no table 'other'", unknown.Str("message"));
    }

    [Fact]
    public async Task The_original_file_comes_back_byte_for_byte_with_its_content_type_at_any_status()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\r\n1,2\r\n");
        var id = (await Api.UploadAsync(ExtractionApi.Form("auto", "lines é.csv", bytes, "text/csv"))).Str("id");
        using var response = await Http.GetAsync($"v2/extractions/{id}/download-original");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("lines é.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_large_original_is_kept_out_of_memory_and_still_comes_back_intact()
    {
        var big = new byte[20 * 1024 * 1024 + 17];
        new Random(7).NextBytes(big);
        var id = (await Api.UploadAsync(ExtractionApi.Form("auto", "scan.pdf", big))).Str("id");
        var extraction = Emulator.FindExtraction(id)!;
        Assert.Equal(big.Length, extraction.FileSize);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(big)), extraction.Sha256);

        using var response = await Http.GetAsync($"v2/extractions/{id}/download-original", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        Assert.Equal(extraction.Sha256, Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream)));
        await using var content = extraction.OpenContent();
        Assert.IsType<FileStream>(content);
    }

    [Fact]
    public async Task A_download_whose_answer_is_delayed_by_a_fault_still_arrives_whole()
    {
        var id = await CompletedAsync("Csv0000000000001");
        Emulator.Faults.Next(1, Fault.Delay(TimeSpan.FromMilliseconds(50)).AfterProcessing(), path: "/v2/extractions/*/tables/*/download");
        using var response = await Http.GetAsync($"v2/extractions/{id}/tables/line_items/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("description,quantity,unit_price\r\n\"Chair, ergonomic\"", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> CompletedAsync(string templateId)
    {
        var id = (await Api.UploadAsync(ExtractionApi.Form(templateId))).Str("id");
        Clock.Advance(TimeSpan.FromSeconds(2));
        return id;
    }

    private static int CountRecords(string csv)
    {
        // Records end at CRLF outside quotes.
        var records = 0;
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            if (csv[i] == '"') quoted = !quoted;
            else if (!quoted && csv[i] == '\n') records++;
        }

        return records;
    }
}
