using System;
using System.Text.Json;
using TableFlow.Json;

namespace TableFlow;

/// <summary>Reads a verified body into a <see cref="TableFlowEvent"/>; only a body that is not JSON is an error.</summary>
internal static class WebhookEventParser
{
    private const string FlowRunPrefix = "flow.run.";
    private const string ExtractionPrefix = "extraction.";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static TableFlowEvent Parse(string id, DateTimeOffset timestamp, byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TableFlowWebhookException(
                WebhookFailure.MalformedBody,
                $"Webhook message {id} has a valid signature but its body is not JSON ({body.Length} bytes): {e.Message}",
                e);
        }

        var type = "";
        var data = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            type = ReadString(root, "event") ?? ReadString(root, "type") ?? "";
            if (root.TryGetProperty("data", out var inner)) data = inner;
        }

        var flowRun = StartsWith(type, FlowRunPrefix) ? ReadFlowRun(data) : null;
        var extraction = StartsWith(type, ExtractionPrefix) ? ReadExtraction(data) : null;
        return new TableFlowEvent(id, type, timestamp, data, flowRun, extraction);
    }

    // The same reading as the client's (FlowRunDto → FlowRunMapper), so a run looks the same whether it was fetched or
    // pushed. Anything the reader refuses makes the view null: the raw Data is still there.
    private static FlowRun? ReadFlowRun(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || ReadString(data, "id") is not { } runId || runId.Trim().Length == 0) return null;
        try
        {
            var dto = data.Deserialize(TableFlowJsonContext.Default.FlowRunDto);
            return dto is null ? null : FlowRunMapper.ToFlowRun(dto);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or NotSupportedException)
        {
            return null;
        }
    }

    // The same reading as the extraction list's (ExtractionDto → ExtractionMapper): webhooks name the extraction with
    // extraction_id, the list with id; either is taken. Anything the reader refuses makes the view null.
    private static ExtractionSummary? ReadExtraction(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object) return null;
        try
        {
            var dto = data.Deserialize(ExtractionJsonContext.Default.ExtractionDto);
            return ExtractionMapper.IdOf(dto) is null ? null : ExtractionMapper.ToSummary(dto!);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool StartsWith(string type, string prefix) => type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static string? ReadString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
