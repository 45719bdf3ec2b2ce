using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TableFlow.Testing;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Limits;

/// <summary><see cref="FlowFieldInfo.Validate"/>: a file over the field's size or outside its types is refused before sending, with a message a person can act on.</summary>
public sealed class FlowFieldInfoValidateTests
{
    private static FlowFieldInfo Field(IReadOnlyList<string>? types = null, long? max = null)
        => new("purchase_order", "PurchaseOrder", required: true, multiple: false, defaultGuidance: null, types, max);

    [Fact]
    public void A_file_over_max_file_size_is_refused_naming_field_limit_and_file()
    {
        var e = Assert.Throws<ArgumentException>(() => Field(max: 1000).Validate(FlowFile.FromBytes(new byte[1001], "po.pdf"), "purchaseOrder"));

        Assert.Equal("purchaseOrder", e.ParamName);
        Assert.Contains("'purchase_order'", e.Message);
        Assert.Contains("max_file_size of 1,000 bytes", e.Message);
        Assert.Contains("1,001 bytes", e.Message);
        Assert.Contains("'po.pdf'", e.Message);
    }

    [Fact]
    public void A_file_at_the_limit_passes()
        => Field(max: 1000).Validate(FlowFile.FromBytes(new byte[1000], "po.pdf"));

    [Fact]
    public void A_file_of_a_type_the_field_does_not_take_is_refused_naming_field_types_and_file()
    {
        var e = Assert.Throws<ArgumentException>(() => Field(types: ["pdf", "image"]).Validate(FlowFile.FromBytes(new byte[3], "po.docx"), "po"));

        Assert.Equal("po", e.ParamName);
        Assert.Contains("'purchase_order'", e.Message);
        Assert.Contains("pdf, image", e.Message);
        Assert.Contains("'po.docx'", e.Message);
    }

    [Fact]
    public void A_path_file_is_measured_on_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, new byte[2048]);
        try
        {
            var e = Assert.Throws<ArgumentException>(() => Field(max: 1024).Validate(FlowFile.FromPath(path)));
            Assert.Contains(Path.GetFileName(path), e.Message);
            Assert.Null(e.ParamName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_stream_of_unknown_length_is_checked_by_name_and_type_only()
    {
        using var stream = new NonSeekableStream(new MemoryStream(new byte[4096]));
        var field = Field(types: ["pdf"], max: 10);

        field.Validate(FlowFile.FromStream(stream, "po.pdf"));
        Assert.Throws<ArgumentException>(() => field.Validate(FlowFile.FromStream(stream, "po.png")));
    }

    [Theory]
    [InlineData("pdf", "a.PDF", null, true)]
    [InlineData("pdf", "scan", "application/pdf", true)]
    [InlineData("pdf", "a.png", null, false)]
    [InlineData("image", "a.webp", null, true)]
    [InlineData("image", "photo", "image/x-anything", true)]
    [InlineData("image", "a.pdf", null, false)]
    [InlineData("jpg", "a.jpeg", null, true)]
    [InlineData("jpeg", "a.jpg", null, true)]
    [InlineData("tif", "a.tiff", null, true)]
    [InlineData("tiff", "a.TIF", null, true)]
    [InlineData("tiff", "a.png", null, false)]
    [InlineData("xlsx", "book.xlsx", null, true)]
    [InlineData("xlsx", "book.xls", null, false)]
    [InlineData("xls", "book.xls", null, true)]
    [InlineData("csv", "rows", "text/csv; charset=utf-8", true)]
    [InlineData("tsv", "rows.tsv", null, true)]
    [InlineData("png", "a.png", null, true)]
    [InlineData("webp", "a.webp", null, true)]
    [InlineData("docx", "letter.docx", null, true)]
    [InlineData(".docx", "letter.docx", null, true)]
    [InlineData("docx", "letter.doc", null, false)]
    public void File_types_match_by_extension_or_content_type(string type, string fileName, string? contentType, bool accepted)
    {
        var file = FlowFile.FromBytes(new byte[1], fileName, contentType);
        var field = Field(types: [type]);

        if (accepted) field.Validate(file);
        else Assert.Throws<ArgumentException>(() => field.Validate(file));
    }

    [Fact]
    public void Unknown_limits_check_nothing()
    {
        var field = new FlowFieldInfo("invoice", "Invoice", true, false, null);

        Assert.Null(field.FileTypes);
        Assert.Null(field.MaxFileSize);
        field.Validate(FlowFile.FromBytes(new byte[100_000], "anything.exe"));
    }

    [Fact]
    public void The_limits_are_kept_as_given()
    {
        var types = new List<string> { "pdf", "image" };
        var field = Field(types, 10_485_760);
        types.Add("csv");

        Assert.Equal(new[] { "pdf", "image" }, field.FileTypes);
        Assert.Equal(10_485_760, field.MaxFileSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => Field(max: -1));
        Assert.Throws<ArgumentNullException>(() => Field().Validate(null!, "po"));
    }

    /// <summary>
    /// The client's check and the emulator's 400 come from one source file: every case the client takes the emulator
    /// takes, and every case the client refuses the emulator refuses (sent untyped, so no client check stands between).
    /// </summary>
    [Fact]
    public async Task The_client_and_the_emulator_agree_on_file_types()
    {
        string[][] typeLists = [["pdf"], ["image"], ["pdf", "image"], ["jpeg"], ["tif"], ["xlsx", "csv"], ["docx"]];
        (string Name, string? ContentType)[] files =
        [
            ("a.pdf", null), ("a.png", null), ("scan", "application/pdf"), ("photo", "image/heic"), ("a.jpg", null),
            ("a.tiff", null), ("rows.csv", null), ("book.xls", null), ("letter.docx", null), ("a.txt", null),
        ];

        await using var emulator = await TableFlowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var cases = 0;
        for (var i = 0; i < typeLists.Length; i++)
        {
            var flowId = $"types{i}";
            emulator.AddFlow(flowId, f => f.File("doc", required: true, fileTypes: typeLists[i]));
            var field = new FlowFieldInfo("doc", "Doc", true, false, null, typeLists[i], null);
            foreach (var (name, contentType) in files)
            {
                var clientTakes = Accepts(field, FlowFile.FromBytes(new byte[] { 1, 2, 3 }, name, contentType));
                bool emulatorTakes;
                try
                {
                    await client.RunFlowAsync(flowId, new FlowRunRequest().AddFile("doc", FlowFile.FromBytes(new byte[] { 1, 2, 3 }, name, contentType)));
                    emulatorTakes = true;
                }
                catch (TableFlowApiException e) when (e.StatusCode == System.Net.HttpStatusCode.BadRequest)
                {
                    emulatorTakes = false;
                }

                Assert.True(clientTakes == emulatorTakes, $"[{string.Join(", ", typeLists[i])}] {name} ({contentType}): client {(clientTakes ? "takes" : "refuses")} it, emulator {(emulatorTakes ? "takes" : "refuses")} it");
                cases++;
            }
        }

        Assert.Equal(typeLists.Length * files.Length, cases);
        Assert.Contains(emulator.Runs, r => r.FlowId == "types0");
    }

    private static bool Accepts(FlowFieldInfo field, FlowFile file)
    {
        try
        {
            field.Validate(file);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
