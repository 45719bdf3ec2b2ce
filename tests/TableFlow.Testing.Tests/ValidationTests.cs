using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

/// <summary>Each way a run request can be wrong gets the status and an error body that names the problem; nothing is recorded.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private TableFlowEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TableFlowEmulator.StartAsync();
        _emulator.AddSeedFlow();
        _emulator.AddFlow("small", f => f.File("doc", required: true, fileTypes: ["pdf"], maxFileSize: 1000));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_missing_key_is_401_with_the_api_error_shape()
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        var (status, error, message) = await SendAsync(http, Seed.Post(Seed.FlowId, Seed.CurlRequest().ToContent()));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", error);
        Assert.Contains("Authorization: Bearer", message);
        Assert.Empty(_emulator.Runs);
    }

    [Fact]
    public async Task A_wrong_key_is_401_on_reads_too()
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        var (status, _, message) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "v2/flows/runs"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Invalid API key.", message);
    }

    [Fact]
    public async Task The_client_with_a_wrong_key_gets_a_TableFlowApiException_with_401()
    {
        using var client = _emulator.CreateClient(new TableFlowClientOptions { ApiKey = "wrong" });
        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("abc"));
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.DoesNotContain(_emulator.ApiKey, e.Message);
    }

    [Fact]
    public async Task An_unknown_flow_is_404_naming_it()
    {
        var (status, _, message) = await PostAsync("noSuchFlow", Seed.CurlRequest());
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("'noSuchFlow'", message);
    }

    [Fact]
    public async Task A_missing_required_file_is_400_naming_the_field()
    {
        var form = new CurlForm().File("purchase_order", "po.pdf", Seed.PurchaseOrder);
        var (status, error, message) = await PostAsync(Seed.FlowId, form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid parameters", error);
        Assert.Contains("Missing required file field 'invoice'", message);
        Assert.Empty(_emulator.Runs);
    }

    [Fact]
    public async Task Error_bodies_are_readable_json_with_plain_quotes()
    {
        using var http = _emulator.CreateHttpClient();
        using var response = await http.SendAsync(Seed.Post(Seed.FlowId, new CurlForm().File("purchase_order", "po.pdf", Seed.PurchaseOrder).ToContent()));
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("{\"error\":\"Invalid parameters\",\"message\":\"Missing required file field 'invoice'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_client_sees_the_missing_field_in_its_exception()
    {
        using var client = _emulator.CreateClient();
        var e = await Assert.ThrowsAsync<TableFlowApiException>(() =>
            client.RunFlowAsync(Seed.FlowId, new FlowRunRequest().AddFile("purchase_order", FlowFile.FromBytes(Seed.PurchaseOrder, "po.pdf"))));
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("'invoice'", e.Message);
    }

    [Fact]
    public async Task A_file_field_the_flow_does_not_define_is_400_naming_it_and_the_real_fields()
    {
        var (status, _, message) = await PostAsync(Seed.FlowId, Seed.CurlRequest().File("delivery_note", "dn.pdf", [1]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Unknown file field 'delivery_note'", message);
        Assert.Contains("purchase_order, invoice, attachments (multiple)", message);
    }

    [Fact]
    public async Task An_unknown_text_field_is_400_naming_it()
    {
        var (status, _, message) = await PostAsync(Seed.FlowId, Seed.CurlRequest().Text("purchase_order_guidence", "typo"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'purchase_order_guidence'", message);
    }

    [Theory]
    [InlineData("metadata", "[1, 2]", "must be a JSON object")]
    [InlineData("metadata", "\"text\"", "must be a JSON object")]
    [InlineData("purchase_order_metadata", "{not json", "is not valid JSON")]
    [InlineData("purchase_order_metadata", "null", "must be a JSON object")]
    public async Task Metadata_that_is_not_a_JSON_object_is_400_naming_the_field(string field, string value, string problem)
    {
        var form = new CurlForm().File("purchase_order", "po.pdf", Seed.PurchaseOrder).File("invoice", "invoice.pdf", Seed.Invoice).Text(field, value);
        var (status, _, message) = await PostAsync(Seed.FlowId, form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"'{field}' {problem}", message);
    }

    [Fact]
    public async Task A_file_of_a_type_the_field_does_not_take_is_400()
    {
        var form = new CurlForm().File("purchase_order", "po.docx", [1, 2], "application/vnd.openxmlformats-officedocument.wordprocessingml.document").File("invoice", "invoice.pdf", Seed.Invoice);
        var (status, _, message) = await PostAsync(Seed.FlowId, form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'po.docx'", message);
        Assert.Contains("field 'purchase_order' is not an accepted type: the field takes pdf, image", message);
    }

    [Fact]
    public async Task Images_are_accepted_by_content_type_or_extension_for_an_image_field()
    {
        var form = new CurlForm().File("purchase_order", "scan", [1], "image/jpeg").File("invoice", "INVOICE.TIFF", [2], "application/octet-stream");
        var (status, _, message) = await PostAsync(Seed.FlowId, form);
        Assert.True(status == HttpStatusCode.OK, message);
    }

    [Fact]
    public async Task A_file_over_max_file_size_is_413_and_one_at_the_limit_is_accepted()
    {
        var (tooBig, error, message) = await PostAsync("small", new CurlForm().File("doc", "big.pdf", new byte[1001]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig);
        Assert.Equal("File too large", error);
        Assert.Contains("'big.pdf' for field 'doc' is 1,001 bytes, over the field's max_file_size of 1,000 bytes", message);

        var (atLimit, _, _) = await PostAsync("small", new CurlForm().File("doc", "ok.pdf", new byte[1000]));
        Assert.Equal(HttpStatusCode.OK, atLimit);
        Assert.Equal(1000, Assert.Single(_emulator.Runs).Files[0].Length);
    }

    [Fact]
    public async Task A_multi_file_field_sent_under_its_plain_key_is_400_saying_how_to_send_it()
    {
        var (status, _, message) = await PostAsync(Seed.FlowId, Seed.CurlRequest().File("attachments", "a.pdf", [1]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'attachments_1', 'attachments_2'", message);
    }

    [Fact]
    public async Task A_single_file_field_sent_with_an_index_is_400()
    {
        var form = new CurlForm().File("purchase_order_1", "po.pdf", Seed.PurchaseOrder).File("invoice", "invoice.pdf", Seed.Invoice);
        var (status, _, message) = await PostAsync(Seed.FlowId, form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Field 'purchase_order' takes one file: send it as 'purchase_order', not 'purchase_order_1'", message);
    }

    [Fact]
    public async Task Multi_file_numbering_with_a_gap_is_400()
    {
        var (status, _, message) = await PostAsync(Seed.FlowId, Seed.CurlRequest().File("attachments_1", "a.pdf", [1]).File("attachments_3", "c.pdf", [3]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("attachments_1, attachments_3", message);
    }

    [Fact]
    public async Task Multi_file_parts_sent_out_of_order_are_recorded_in_index_order()
    {
        var (status, _, message) = await PostAsync(Seed.FlowId, Seed.CurlRequest().File("attachments_2", "b.pdf", [2]).File("attachments_1", "a.pdf", [1]));
        Assert.True(status == HttpStatusCode.OK, message);
        var files = Assert.Single(_emulator.Runs).Field("attachments")!.Files;
        Assert.Equal(["a.pdf", "b.pdf"], new[] { files[0].FileName, files[1].FileName });
    }

    [Fact]
    public async Task A_field_sent_twice_is_400()
    {
        var (status, _, message) = await PostAsync(Seed.FlowId, Seed.CurlRequest().Text("name", "again"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Form field 'name' was sent twice", message);
    }

    [Fact]
    public async Task A_file_field_sent_as_text_is_400()
    {
        var form = new CurlForm().Text("purchase_order", "po.pdf").File("invoice", "invoice.pdf", Seed.Invoice);
        var (status, _, message) = await PostAsync(Seed.FlowId, form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'purchase_order' must be a file upload", message);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        using var http = _emulator.CreateHttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"v2/flows/{Seed.FlowId}/run") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        var (status, _, message) = await SendAsync(http, request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("multipart/form-data", message);
    }

    [Fact]
    public async Task An_inactive_flow_is_not_listed_and_cannot_run()
    {
        _emulator.AddFlow("old", f => f.File("doc").Active(false));
        var (status, _, message) = await PostAsync("old", new CurlForm().File("doc", "a.pdf", [1]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'old' is not active", message);
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_wrong_methods_are_405()
    {
        using var http = _emulator.CreateHttpClient();
        var (notFound, _, _) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "v2/templates"));
        Assert.Equal(HttpStatusCode.NotFound, notFound);
        var (wrongMethod, _, message) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"v2/flows/{Seed.FlowId}/run"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod);
        Assert.Contains("use POST", message);
    }

    private async Task<(HttpStatusCode Status, string Error, string Message)> PostAsync(string flowId, CurlForm form)
    {
        using var http = _emulator.CreateHttpClient();
        return await SendAsync(http, Seed.Post(flowId, form.ToContent()));
    }

    internal static async Task<(HttpStatusCode Status, string Error, string Message)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode) return (response.StatusCode, "", body);
        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.GetProperty("error").GetString()!, json.RootElement.GetProperty("message").GetString()!);
    }
}
