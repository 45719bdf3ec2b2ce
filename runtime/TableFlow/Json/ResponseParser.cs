using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TableFlow.Http;

namespace TableFlow.Json;

/// <summary>
/// Reads successful answers into the public model. Fields are read leniently (see <c>LenientConverters.cs</c>): a
/// field that cannot be read becomes a default. Only an answer that is not the expected thing at all — not JSON, not an
/// object, a run without an <c>id</c> — is a <see cref="TableFlowException"/> saying so.
/// </summary>
internal static class ResponseParser
{
    private const string OneRun = "a flow run (a JSON object with \"id\")";
    private const string RunPage = "a page of flow runs (a JSON object with \"flow_runs\")";
    private const string RunArray = "a JSON array of flow runs";
    private const string FlowArray = "a JSON array of flow definitions";

    /// <summary>Reads one run. After a run request (<paramref name="runRequest"/>) a body that is not one means the run probably started.</summary>
    public static FlowRun ReadFlowRun(ApiResponse response, string what, SecretRedactor redactor, bool runRequest = false)
    {
        var note = runRequest ? "The API answered with success, so the run has probably started. " + ApiRequestSender.LookBeforeRunningAgain : null;
        var dto = Deserialize(response, TableFlowJsonContext.Default.FlowRunDto, what, OneRun, redactor, note, runRequest);
        if (!HasId(dto)) throw ApiErrors.UnexpectedBody(response, what, OneRun, "a JSON object without \"id\"", null, redactor, note, runRequest);
        return FlowRunMapper.ToFlowRun(dto);
    }

    /// <summary>
    /// Reads a page of runs and where the next one starts, or <see langword="null"/> when this page is the last: no
    /// <c>next_offset</c> (or one that cannot be read, or is negative), an empty page, the <c>total</c> reached, or a
    /// short page whose <c>next_offset</c> does not move forward (some servers write <c>0</c> for "no more").
    /// Entries that are not runs (no <c>id</c>) are skipped.
    /// </summary>
    public static (List<FlowRun> Runs, long? NextOffset) ReadFlowRunPage(ApiResponse response, string what, SecretRedactor redactor, long offset = 0, long? limit = null)
    {
        var page = Deserialize(response, TableFlowJsonContext.Default.FlowRunPageDto, what, RunPage, redactor, null, false);
        if (page.FlowRuns is null) throw ApiErrors.UnexpectedBody(response, what, RunPage, "no \"flow_runs\" array", null, redactor);
        var runs = new List<FlowRun>(page.FlowRuns.Count);
        foreach (var dto in page.FlowRuns)
        {
            if (HasId(dto)) runs.Add(FlowRunMapper.ToFlowRun(dto!));
        }

        var pagination = page.Pagination;
        var next = pagination?.NextOffset;
        var received = page.FlowRuns.Count;
        var pageSize = limit ?? pagination?.Limit;
        if (next is null || next < 0 || received == 0) return (runs, null);
        if (pagination?.Total is { } total && offset + received >= total) return (runs, null);
        if (next <= offset && pageSize is { } size && received < size) return (runs, null);
        return (runs, next);
    }

    /// <summary>Reads a bare array of runs; entries that are not runs (not objects, or without <c>id</c>) are skipped.</summary>
    public static List<FlowRun> ReadFlowRunArray(ApiResponse response, string what, SecretRedactor redactor)
        => ReadArray(response, what, RunArray, TableFlowJsonContext.Default.FlowRunDto, dto => HasId(dto) ? FlowRunMapper.ToFlowRun(dto!) : null, redactor);

    /// <summary>
    /// Reads the bare array <c>GET v2/flows</c> answers; entries that are not flows (not objects, or without <c>id</c>)
    /// are skipped, and their fields are read leniently.
    /// </summary>
    public static List<FlowDefinition> ReadFlowDefinitions(ApiResponse response, string what, SecretRedactor redactor)
        => ReadArray(
            response,
            what,
            FlowArray,
            TableFlowJsonContext.Default.FlowDefinitionDto,
            dto => dto?.Id is { } id && id.Trim().Length > 0 ? FlowDefinitionMapper.ToFlowDefinition(dto) : null,
            redactor);

    /// <summary>Reads a bare JSON array element by element; <paramref name="map"/> turns an object into an item or <see langword="null"/> to skip it.</summary>
    private static List<TItem> ReadArray<TDto, TItem>(ApiResponse response, string what, string expected, JsonTypeInfo<TDto> type, Func<TDto?, TItem?> map, SecretRedactor redactor)
        where TDto : class
        where TItem : class
    {
        if (response.Body.Length == 0 || ApiErrors.LooksLikeHtml(response)) throw ApiErrors.UnexpectedBody(response, what, expected, null, null, redactor);
        var items = new List<TItem>();
        try
        {
            var reader = new Utf8JsonReader(response.Body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw ApiErrors.UnexpectedBody(response, what, expected, "it is not a JSON array", null, redactor);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                if (map(JsonSerializer.Deserialize(ref reader, type)) is { } item) items.Add(item);
            }
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw ApiErrors.UnexpectedBody(response, what, expected, e.Message, e, redactor);
        }

        return items;
    }

    private static bool HasId(FlowRunDto? dto) => dto?.Id is { } id && id.Trim().Length > 0;

    internal static T Deserialize<T>(ApiResponse response, JsonTypeInfo<T> type, string what, string expected, SecretRedactor redactor, string? note, bool runRequest)
        where T : class
    {
        if (response.Body.Length == 0 || ApiErrors.LooksLikeHtml(response))
        {
            throw ApiErrors.UnexpectedBody(response, what, expected, null, null, redactor, note, runRequest);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(response.Body, type);
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw ApiErrors.UnexpectedBody(response, what, expected, e.Message, e, redactor, note, runRequest);
        }

        return value ?? throw ApiErrors.UnexpectedBody(response, what, expected, "it is JSON null", null, redactor, note, runRequest);
    }

    /// <summary>
    /// What reading a body can throw: malformed JSON, and — for a value the lenient converters cannot even see, such as
    /// a property name with a broken escape — the reader's other exceptions. None of them may escape as itself.
    /// </summary>
    private static bool IsReadFailure(Exception e)
        => e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException or NotSupportedException or InvalidCastException;
}
