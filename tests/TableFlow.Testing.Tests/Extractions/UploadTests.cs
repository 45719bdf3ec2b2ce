using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class UploadTests : ExtractionTest
{
    private protected override void AddTemplates(TableFlowEmulator emulator)
    {
        emulator.AddTemplate("JlLZVabDjYWzu7C9", t => t.Name("Invoice Template").FileTypes("document").Field("invoice_number", value: "INV-1"));
        emulator.AddTemplate("Sheet0000000001x", t => t.Name("Sheet").FileTypes("spreadsheet").Field("total", "number", value: 12));
    }

    [Fact]
    public async Task An_upload_answers_the_documented_reply_processing_and_records_what_was_sent()
    {
        var form = ExtractionApi.Form("JlLZVabDjYWzu7C9", "acme-invoice-apr2023.pdf")
            .Text("name", "April invoice")
            .Text("guidance", "Totals are in EUR")
            .Text("metadata", """{"user_id": "123", "reference": "INV-2023-04-15"}""");
        var reply = await Api.UploadAsync(form);

        var id = reply.Str("id");
        Assert.Matches("^[A-Za-z0-9]{16}$", id);
        Assert.Equal(TableFlowEmulatorOptions.DefaultWorkspaceId, reply.Str("workspace_id"));
        Assert.Equal("JlLZVabDjYWzu7C9", reply.Str("template_id"));
        Assert.Equal("processing", reply.Str("status"));
        Assert.Equal("INV-2023-04-15", reply.At("metadata", "reference").GetString());
        Assert.Equal(ManualClock.Start.ToUnixTimeSeconds(), reply.GetProperty("created_at").GetInt64());
        Assert.Equal(ManualClock.Start.ToUnixTimeSeconds(), reply.GetProperty("updated_at").GetInt64());

        var recorded = Assert.Single(Emulator.Extractions);
        Assert.Same(recorded, Emulator.FindExtraction(id));
        Assert.Equal("acme-invoice-apr2023.pdf", recorded.FileName);
        Assert.Equal("application/pdf", recorded.ContentType);
        Assert.Equal(ExtractionApi.Pdf.Length, recorded.FileSize);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ExtractionApi.Pdf)), recorded.Sha256);
        Assert.Equal("April invoice", recorded.Name);
        Assert.Equal("Totals are in EUR", recorded.Guidance);
        Assert.Equal("123", (string?)recorded.Metadata!["user_id"]);
        Assert.Equal(ExtractionStatus.Processing, recorded.Status);
    }

    [Fact]
    public async Task The_older_filename_field_overrides_the_file_name()
    {
        var reply = await Api.UploadAsync(ExtractionApi.Form("JlLZVabDjYWzu7C9", "scan-0001.pdf").Text("filename", "invoice-2023-04-15.pdf"));
        var got = await Api.GetAsync($"v2/extractions/{reply.Str("id")}");
        Assert.Equal("invoice-2023-04-15.pdf", got.Str("file_name"));
        Assert.Equal("invoice-2023-04-15.pdf", Emulator.Extractions[0].FileName);
    }

    [Fact]
    public async Task Auto_picks_the_first_template_that_takes_the_file_type()
    {
        var pdf = await Api.UploadAsync(ExtractionApi.Form("auto", "a.pdf"));
        Assert.Equal("JlLZVabDjYWzu7C9", pdf.Str("template_id"));
        var sheet = await Api.UploadAsync(ExtractionApi.Form("auto", "totals.xlsx", Encoding.ASCII.GetBytes("PK.."), "application/octet-stream"));
        Assert.Equal("Sheet0000000001x", sheet.Str("template_id"));

        var (status, body) = await Api.TryUploadAsync(ExtractionApi.Form("auto", "photo.png", [1, 2, 3], "image/png"));
        Assert.Equal(400, status);
        Assert.Equal("template_id=auto found no template that takes a png file (image).", body.Str("message"));
    }

    [Fact]
    public async Task The_file_type_comes_from_the_extension_or_else_the_content_type()
    {
        var byType = await Api.UploadAsync(ExtractionApi.Form("auto", "no-extension", ExtractionApi.Pdf, "application/pdf"));
        var got = await Api.GetAsync($"v2/extractions/{byType.Str("id")}");
        Assert.Equal("document", got.At("file_type", "key").GetString());
        Assert.Equal("pdf", got.At("file_type", "extension").GetString());
        Assert.Equal("application/pdf", got.At("file_type", "mime_type").GetString());
    }

    [Theory]
    [InlineData("missing-file", 400, "The parameter 'file' is required: send the document as a file part named 'file'.")]
    [InlineData("missing-template", 400, "The parameter 'template_id' is required (a template's id, or 'auto').")]
    [InlineData("two-files", 400, "An extraction upload takes one file per request, in 'file'; this one sent several.")]
    [InlineData("other-file-part", 400, "Unknown file part 'document': an extraction upload takes its one file as 'file'.")]
    [InlineData("unknown-field", 400, "Unknown form field 'template': an extraction upload takes 'file', 'template_id', 'name', 'guidance', 'metadata' and the older 'filename'.")]
    [InlineData("bad-type", 400, "File 'notes.docx' (application/vnd.openxmlformats-officedocument.wordprocessingml.document) is not a type extractions take: send pdf, xlsx, xls, csv, tsv, jpg, png, webp or tiff.")]
    [InlineData("empty-file", 400, "File 'invoice.pdf' is empty.")]
    [InlineData("metadata-array", 400, "Form field 'metadata' must be a JSON object such as {\"po_number\": \"PO-123\"}, not an array.")]
    [InlineData("unknown-template", 404, "Template 'Nope000000000000' was not found in this workspace.")]
    [InlineData("wrong-type-for-template", 400, "Template 'JlLZVabDjYWzu7C9' does not take a csv file (spreadsheet); it takes document.")]
    [InlineData("bad-template-id", 400, "The template id 'a b' is not valid")]
    public async Task Bad_uploads_are_refused_with_a_message_that_names_the_problem(string problem, int status, string message)
    {
        var form = problem switch
        {
            "missing-file" => new CurlForm().Text("template_id", "auto"),
            "missing-template" => new CurlForm().File("file", "invoice.pdf", ExtractionApi.Pdf),
            "two-files" => ExtractionApi.Form().File("file", "b.pdf", ExtractionApi.Pdf),
            "other-file-part" => new CurlForm().File("document", "a.pdf", ExtractionApi.Pdf).Text("template_id", "auto"),
            "unknown-field" => ExtractionApi.Form().Text("template", "x"),
            "bad-type" => ExtractionApi.Form("auto", "notes.docx", [1], "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "empty-file" => ExtractionApi.Form("auto", "invoice.pdf", []),
            "metadata-array" => ExtractionApi.Form().Text("metadata", "[1]"),
            "unknown-template" => ExtractionApi.Form("Nope000000000000"),
            "wrong-type-for-template" => ExtractionApi.Form("JlLZVabDjYWzu7C9", "lines.csv", Encoding.ASCII.GetBytes("a,b\n"), "text/csv"),
            "bad-template-id" => ExtractionApi.Form("a b"),
            _ => throw new ArgumentException(problem),
        };

        var (code, body) = await Api.TryUploadAsync(form);
        Assert.Equal(status, code);
        Assert.StartsWith(message, body.Str("message"));
        Assert.False(string.IsNullOrEmpty(body.Str("error")));
        Assert.Empty(Emulator.Extractions);
    }

    [Fact]
    public async Task An_upload_that_is_not_multipart_is_refused_with_415()
    {
        using var response = await Http.PostAsync("v2/extractions/upload", new StringContent("{}", Encoding.UTF8, "application/json"));
        var body = await ExtractionApi.JsonAsync(response, 415);
        Assert.Equal("An extraction upload must be multipart/form-data; it was sent as 'application/json; charset=utf-8'.", body.Str("message"));
    }

    [Fact]
    public async Task Auto_with_no_templates_says_so()
    {
        await using var bare = await TableFlowEmulator.StartAsync();
        using var http = bare.CreateHttpClient();
        var (status, body) = await new ExtractionApi(http).TryUploadAsync(ExtractionApi.Form());
        Assert.Equal(400, status);
        Assert.Contains("the emulator has no extraction templates", body.Str("message"));
    }

    [Fact]
    public async Task The_bearer_key_is_checked_and_other_methods_answer_405()
    {
        using var anonymous = new HttpClient { BaseAddress = Emulator.BaseAddress };
        using var unauthorized = await anonymous.PostAsync("v2/extractions/upload", ExtractionApi.Form().ToContent());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        using var wrongMethod = await Http.GetAsync("v2/extractions/upload");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("POST", wrongMethod.Content.Headers.Allow.Single());
        Assert.Empty(Emulator.Extractions);
    }

    [Fact]
    public async Task Faults_apply_to_the_extraction_endpoints_and_requests_are_recorded()
    {
        Emulator.Faults.Next(1, Fault.Status(503), method: "POST", path: "/v2/extractions/upload");
        var (status, _) = await Api.TryUploadAsync(ExtractionApi.Form());
        Assert.Equal(503, status);
        Assert.Empty(Emulator.Extractions);

        var reply = await Api.UploadAsync(ExtractionApi.Form());
        Emulator.Faults.Next(1, Fault.Status(500), path: "/v2/extractions/*");
        using var faulted = await Http.GetAsync($"v2/extractions/{reply.Str("id")}");
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);

        Assert.Equal([503, 200, 500], Emulator.Requests.Where(r => r.Path.StartsWith("/v2/extractions", StringComparison.Ordinal)).Select(r => r.StatusCode ?? 0));
    }
}
