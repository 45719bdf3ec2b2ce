using System;
using System.Text;
using System.Text.Json;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Webhooks;

public sealed class WebhookEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TableFlowWebhook _webhook = new(TableFlowWebhook.CreateSecret(), new FixedClock(Now));

    [Fact]
    public void A_flow_run_completed_event_carries_the_run_read_like_the_clients_runs()
    {
        var evt = Receive($$"""{"event": "flow.run.completed", "data": {{RunJson.DocumentedGetFlowRun}}}""");

        Assert.Equal("flow.run.completed", evt.Type);
        Assert.Equal("msg_1", evt.Id);
        Assert.Equal(Now, evt.Timestamp);
        var run = Assert.IsType<FlowRun>(evt.FlowRun);
        Assert.Equal("Wp7kRnT2mX4vQ9bL", run.Id);
        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), run.Duration);
        Assert.Equal("12345", run.Metadata!["customer_id"]!.GetValue<string>());
        Assert.Equal("PO to Invoice Reconciliation", run.Flow!.Name);
        Assert.Equal("Wp7kRnT2mX4vQ9bL", evt.Data.GetProperty("id").GetString());
        Assert.Null(evt.Extraction);
    }

    [Fact]
    public void A_flow_run_failed_event_carries_the_failed_run_and_its_error()
    {
        var evt = Receive($$"""{"event": "flow.run.failed", "data": {{RunJson.Run("r1", "failed", "Template not found")}}}""");

        Assert.Equal(FlowRunStatus.Failed, evt.FlowRun!.Status);
        Assert.Equal("Template not found", evt.FlowRun.Error);
    }

    [Fact]
    public void The_documented_extraction_created_example_reads_as_an_extraction_summary()
    {
        var evt = Receive("""
            {"event": "extraction.created",
             "data": {"extraction_id": "uT2bJNWN75YPU95r", "template_id": "dk4g1tUg1uHLs8YU", "file_name": "invoice-2023-04-15.pdf",
                      "file_type": {"key": "document", "extension": "pdf", "mime_type": "application/pdf"},
                      "status": "created", "created_at": 1682366228}}
            """);

        var extraction = Assert.IsType<ExtractionSummary>(evt.Extraction);
        Assert.Equal("uT2bJNWN75YPU95r", extraction.Id);
        Assert.Equal("dk4g1tUg1uHLs8YU", extraction.TemplateId);
        Assert.Equal("invoice-2023-04-15.pdf", extraction.FileName);
        Assert.Equal("document", extraction.FileType!.Key);
        Assert.Equal("pdf", extraction.FileType.Extension);
        Assert.Equal("application/pdf", extraction.FileType.MimeType);
        Assert.Equal(ExtractionStatus.Created, extraction.Status);
        Assert.Equal("created", extraction.StatusText);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), extraction.CreatedAt);
        Assert.Null(evt.FlowRun);
    }

    [Fact]
    public void An_extraction_summary_with_odd_fields_keeps_what_it_can_read()
    {
        var evt = Receive("""{"event": "extraction.completed", "data": {"extraction_id": "x1", "file_type": "pdf", "status": 3, "created_at": "1682366228"}}""");

        Assert.Equal("x1", evt.Extraction!.Id);
        Assert.Equal("pdf", evt.Extraction.FileType!.Extension);
        Assert.Null(evt.Extraction.FileType.Key);
        Assert.Equal(ExtractionStatus.Unknown, evt.Extraction.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366228), evt.Extraction.CreatedAt);
    }

    [Fact]
    public void An_extraction_event_that_names_its_extraction_by_id_and_carries_metadata_reads_too()
    {
        var evt = Receive("""{"event": "extraction.completed", "data": {"id": "x2", "status": "completed", "metadata": {"ref": "A-1"}, "updated_at": 1682366240}}""");

        Assert.Equal("x2", evt.Extraction!.Id);
        Assert.Equal(ExtractionStatus.Completed, evt.Extraction.Status);
        Assert.Equal("A-1", (string?)evt.Extraction.Metadata!["ref"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1682366240), evt.Extraction.UpdatedAt);
    }

    [Theory]
    [InlineData("""{"event": "flow.run.review", "data": {"flow_run_id": "r1"}}""")]
    [InlineData("""{"event": "flow.run.completed", "data": "r1"}""")]
    [InlineData("""{"event": "flow.run.completed", "data": [1, 2]}""")]
    [InlineData("""{"event": "flow.run.completed", "data": {"id": "", "status": "completed"}}""")]
    [InlineData("""{"event": "extraction.updated", "data": {"template_id": "t"}}""")]
    [InlineData("""{"event": "invoice.paid", "data": {"id": "r1", "status": "completed"}}""")]
    public void An_unknown_type_or_shape_is_an_event_with_null_views(string body)
    {
        var evt = Receive(body);

        Assert.Null(evt.FlowRun);
        Assert.Null(evt.Extraction);
        Assert.NotEqual(JsonValueKind.Undefined, evt.Data.ValueKind);
    }

    [Fact]
    public void A_body_that_names_its_type_in_type_and_has_no_data_property_is_read_whole()
    {
        var evt = Receive("""{"type": "flow.run.completed", "id": "r9", "status": "completed"}""");

        Assert.Equal("flow.run.completed", evt.Type);
        Assert.Equal("r9", evt.FlowRun!.Id);
        Assert.Equal("r9", evt.Data.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("[]", JsonValueKind.Array)]
    [InlineData("42", JsonValueKind.Number)]
    [InlineData("null", JsonValueKind.Null)]
    public void A_JSON_body_that_is_not_an_object_is_an_untyped_event(string body, JsonValueKind kind)
    {
        var evt = Receive(body);

        Assert.Equal("", evt.Type);
        Assert.Equal(kind, evt.Data.ValueKind);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"event\": ")]
    [InlineData("")]
    public void A_signed_body_that_is_not_JSON_is_a_webhook_exception(string body)
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Receive(body));

        Assert.Equal(WebhookFailure.MalformedBody, e.Failure);
        Assert.Contains("msg_1", e.Message);
    }

    [Fact]
    public void The_data_outlives_the_verification_call()
    {
        var evt = Receive("""{"event": "flow.run.completed", "data": {"id": "r1", "status": "completed", "metadata": {"k": "v"}}}""");
        GC.Collect();

        Assert.Equal("v", evt.Data.GetProperty("metadata").GetProperty("k").GetString());
    }

    private TableFlowEvent Receive(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return _webhook.Verify(body, "msg_1", Now.ToUnixTimeSeconds().ToString(), _webhook.Sign("msg_1", Now, body));
    }
}
