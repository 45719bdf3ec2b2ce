using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TableFlow.Tests.Diagnostics;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// Every extraction call has its activity, duration measurement and log events, like the flow calls, with ids and
/// statuses only: never the file's name, a metadata value, the guidance or the key.
/// </summary>
public sealed class ExtractionTelemetryTests
{
    private const string FileName = "NAME-SECRET-Jane-Doe-payslip.pdf";
    private const string MetadataValue = "META-SECRET-4417";
    private const string Guidance = "GUIDANCE-SECRET-77";

    [Fact]
    public async Task Upload_read_rows_download_and_wait_are_traced_measured_and_logged_without_file_names_or_metadata()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            var path = c.Request.Path.Value!;
            if (path.EndsWith("/upload", StringComparison.Ordinal)) return Respond.Json(c, 200, ExtractionJson.NewerUpload);
            if (path.EndsWith("/rows", StringComparison.Ordinal)) return Respond.Json(c, 200, ExtractionJson.RowsPage(0, 1000, 3));
            if (path.EndsWith("/download", StringComparison.Ordinal)) return Respond.Text(c, 200, "text/csv", "a\n1\n");
            return Respond.Json(c, 200, ExtractionJson.NewerGet);
        });
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = TestClients.Create(server, o => o.LoggerFactory = factory);
        using var capture = new TelemetryCapture(server.BaseAddress);

        var started = await client.ExtractAsync(
            FlowFile.FromBytes(new byte[10], FileName), ExtractionJson.TemplateId,
            new ExtractionOptions { Guidance = Guidance, Metadata = new JsonObject { ["who"] = MetadataValue } });
        await client.WaitForExtractionAsync(started.Id);
        await foreach (var _ in client.ListExtractionRowsAsync(started.Id, "line_items")) { }
        await using (var csv = await client.DownloadExtractionTableAsync(started.Id, "line_items")) await csv.CopyToAsync(System.IO.Stream.Null);

        var activities = capture.Activities;
        Assert.Equal(["TableFlow Extract", "TableFlow GetExtraction", "TableFlow WaitForExtraction", "TableFlow ListExtractionRows", "TableFlow DownloadExtractionTable"],
            activities.Select(a => a.OperationName));
        var upload = activities[0];
        Assert.Equal("Extract", upload.GetTagItem("tableflow.operation"));
        Assert.Equal("/v2/extractions/upload", upload.GetTagItem("url.template"));
        Assert.Equal(ExtractionJson.TemplateId, upload.GetTagItem("tableflow.template.id"));
        Assert.Equal(ExtractionJson.Id, upload.GetTagItem("tableflow.extraction.id"));
        Assert.Equal("processing", upload.GetTagItem("tableflow.extraction.status"));
        Assert.Equal(200, upload.GetTagItem("http.response.status_code"));
        Assert.Equal("completed", activities[2].GetTagItem("tableflow.extraction.status"));
        Assert.Equal("line_items", activities[3].GetTagItem("tableflow.table.key"));

        var durations = capture.Of("tableflow.client.request.duration");
        Assert.Equal(["Extract", "GetExtraction", "ListExtractionRows", "DownloadExtractionTable"], durations.Select(m => m.Tags["tableflow.operation"]));
        Assert.Equal(1, capture.Of("tableflow.client.extractions.started").Single().Value);

        var records = logs.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Id.Name == "ExtractionStarted" && r.GetStructuredStateValue("ExtractionId") == ExtractionJson.Id);
        Assert.Contains(records, r => r.Id.Name == "ExtractionWaitEnded" && r.GetStructuredStateValue("ExtractionStatus") == "completed");

        var everything = string.Join("\n", activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")).Concat(records.Select(r => r.Message))
            .Concat(capture.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"))));
        Assert.DoesNotContain("SECRET", everything);
        Assert.DoesNotContain(TestClients.ApiKey, everything);
    }

    [Fact]
    public async Task An_upload_that_may_have_started_an_extraction_is_logged_as_an_unknown_outcome()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 500, """{"error":"boom"}"""));
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var client = TestClients.Create(server, o => o.LoggerFactory = factory);

        await Assert.ThrowsAsync<TableFlowApiException>(() => client.ExtractAsync(FlowFile.FromBytes(new byte[10], FileName), "tpl"));

        var record = Assert.Single(logs.Collector.GetSnapshot(), r => r.Id.Id == 1103);
        Assert.Equal(("ExtractionOutcomeUnknown", LogLevel.Warning), (record.Id.Name, record.Level));
        Assert.Equal("500", record.GetStructuredStateValue("ErrorType"));
        Assert.DoesNotContain("SECRET", record.Message);
    }
}
