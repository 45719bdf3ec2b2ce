using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// ExtractAsync over real HTTP: the multipart parts exactly as a server reads them, both generations' answers, and the
/// run's send-once rules (a 503 after the upload is not re-sent and may have started an extraction; a 429 is re-sent).
/// </summary>
public sealed class ExtractionUploadTests
{
    [Fact]
    public async Task The_upload_sends_file_template_name_guidance_and_metadata_as_parts_and_reads_the_newer_answer()
    {
        List<ReceivedPart>? parts = null;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            parts = await MultipartParts.ReadAsync(c.Request);
            await Respond.Json(c, 200, ExtractionJson.NewerUpload);
        });
        using var client = TestClients.Create(server);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 invoice");

        var extraction = await client.ExtractAsync(
            FlowFile.FromBytes(pdf, "acme \"april\" invoice.pdf"),
            ExtractionJson.TemplateId,
            new ExtractionOptions { Name = "April invoice", Guidance = "Dates are day/month/year.", Metadata = new JsonObject { ["reference"] = "INV-2023-04-15", ["n"] = 3 } });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v2/extractions/upload"), (request.Method, request.Path));
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        Assert.NotNull(parts);
        Assert.Equal(["file", "template_id", "name", "guidance", "metadata"], parts!.Select(p => p.Name));
        Assert.Equal("acme \"april\" invoice.pdf", parts[0].FileName); // quoted-pair escaping, undone by the server
        Assert.Equal("application/pdf", parts[0].ContentType);
        Assert.Equal(pdf, parts[0].Body);
        Assert.Equal(ExtractionJson.TemplateId, parts[1].Text);
        Assert.Null(parts[1].FileName);
        Assert.Equal("April invoice", parts[2].Text);
        Assert.Equal("Dates are day/month/year.", parts[3].Text);
        Assert.Equal("""{"reference":"INV-2023-04-15","n":3}""", parts[4].Text); // a JSON string, as the API documents
        Assert.StartsWith("application/json", parts[4].ContentType);

        Assert.Equal(ExtractionJson.Id, extraction.Id);
        Assert.Equal(ExtractionStatus.Processing, extraction.Status);
        Assert.False(extraction.IsTerminal);
        Assert.Equal("INV-2023-04-15", (string?)extraction.Metadata!["reference"]);
        Assert.Empty(extraction.Fields);
    }

    [Fact]
    public async Task Without_options_only_the_file_and_template_auto_are_sent_and_the_older_answer_reads()
    {
        List<ReceivedPart>? parts = null;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            parts = await MultipartParts.ReadAsync(c.Request);
            await Respond.Json(c, 200, ExtractionJson.OlderUpload);
        });
        using var client = TestClients.Create(server);

        var extraction = await client.ExtractAsync(FlowFile.FromBytes(new byte[] { 1, 2, 3 }, "sheet.xlsx"));

        Assert.NotNull(parts);
        Assert.Equal(["file", "template_id"], parts!.Select(p => p.Name));
        Assert.Equal("auto", parts[1].Text);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", parts[0].ContentType);
        Assert.Equal(ExtractionJson.OlderTemplateId, extraction.TemplateId); // the template TableFlow chose
        Assert.Equal("email", (string?)extraction.Metadata!["source"]);       // keys never sent: read, not asserted away
    }

    [Fact]
    public async Task A_file_streamed_from_a_stream_that_cannot_seek_arrives_whole()
    {
        long received = 0;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var parts = await MultipartParts.ReadAsync(c.Request);
            received = parts[0].Body.Length;
            await Respond.Json(c, 200, ExtractionJson.NewerUpload);
        });
        using var client = TestClients.Create(server);
        using var stream = new GeneratedStream(3 * 1024 * 1024 + 17);

        await client.ExtractAsync(FlowFile.FromStream(stream, "scan.tiff"), ExtractionJson.TemplateId);

        Assert.Equal(3 * 1024 * 1024 + 17, received);
    }

    [Fact]
    public async Task A_503_after_the_upload_is_not_sent_again_and_says_the_extraction_may_have_started()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 503, """{"error":"Service unavailable"}""", retryAfter: "0"));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.ExtractAsync(FlowFile.FromBytes(new byte[100], "i.pdf"), ExtractionJson.TemplateId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.True(e.RunMayHaveStarted);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("upload was not sent again", e.Message);
        Assert.Contains("ListExtractionsAsync", e.Message);
        Assert.DoesNotContain(" run", e.Message, StringComparison.OrdinalIgnoreCase); // the words are an upload's, not a flow run's
    }

    [Fact]
    public async Task A_429_is_sent_again_once_and_the_second_answer_is_the_extraction()
    {
        var bodies = new List<int>();
        await using var server = await LoopbackServer.StartAsync(async (c, n) =>
        {
            var parts = await MultipartParts.ReadAsync(c.Request);
            lock (bodies) bodies.Add(parts[0].Body.Length);
            if (n == 1) await Respond.Json(c, 429, """{"error":"Too many requests"}""", retryAfter: "0");
            else await Respond.Json(c, 200, ExtractionJson.NewerUpload);
        });
        using var client = TestClients.Create(server);
        using var seekable = new MemoryStream(new byte[5000]);

        var extraction = await client.ExtractAsync(FlowFile.FromStream(seekable, "i.pdf"), ExtractionJson.TemplateId);

        Assert.Equal(ExtractionJson.Id, extraction.Id);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal([5000, 5000], bodies); // the stream was rewound: the second upload is whole
    }

    [Fact]
    public async Task A_400_says_the_API_did_not_start_an_extraction()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 400, """{"error":"Invalid parameters","message":"The parameter 'template_id' is required"}"""));
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.ExtractAsync(FlowFile.FromBytes(new byte[10], "i.pdf"), "tpl"));

        Assert.False(e.RunMayHaveStarted);
        Assert.Equal("The parameter 'template_id' is required", e.ApiMessage);
        Assert.Contains("did not start an extraction", e.Message);
    }

    [Fact]
    public async Task A_success_answer_that_is_not_an_extraction_says_the_extraction_has_probably_started()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"ok":true}""");
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.ExtractAsync(FlowFile.FromBytes(new byte[10], "i.pdf"), "tpl"));

        Assert.True(e.RunMayHaveStarted);
        Assert.Contains("extraction has probably started", e.Message);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_any_request()
    {
        await using var server = await ExtractionServer.AnsweringAsync(ExtractionJson.NewerUpload);
        using var client = TestClients.Create(server);
        var file = FlowFile.FromBytes(new byte[10], "i.pdf");
        var closing = new MemoryStream(new byte[10]);
        var closed = FlowFile.FromStream(closing, "i.pdf");
        closing.Dispose();

        Assert.Equal("file", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.ExtractAsync(null!))).ParamName);
        Assert.Equal("templateId", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.ExtractAsync(file, null!))).ParamName);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.ExtractAsync(file, " "));
        Assert.Equal("templateId", empty.ParamName);
        Assert.Contains("\"auto\"", empty.Message);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ExtractAsync(closed, "tpl"));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Options_changed_after_the_call_do_not_leak_into_a_re_send()
    {
        var metadata = new List<string>();
        var options = new ExtractionOptions { Metadata = new JsonObject { ["attempt"] = "first" } };
        await using var server = await LoopbackServer.StartAsync(async (c, n) =>
        {
            var parts = await MultipartParts.ReadAsync(c.Request);
            lock (metadata) metadata.Add(parts.Single(p => p.Name == "metadata").Text);
            if (n == 1)
            {
                options.Metadata!["attempt"] = "changed";
                await Respond.Json(c, 429, """{"error":"slow down"}""", retryAfter: "0");
            }
            else
            {
                await Respond.Json(c, 200, ExtractionJson.NewerUpload);
            }
        });
        using var client = TestClients.Create(server);

        await client.ExtractAsync(FlowFile.FromBytes(new byte[10], "i.pdf"), "tpl", options);

        Assert.Equal(["""{"attempt":"first"}""", """{"attempt":"first"}"""], metadata);
    }
}
