using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TableFlow.Http;

namespace TableFlow.Json;

/// <summary>Reads successful answers into the public model; anything that is not the documented shape is a <see cref="TableFlowException"/> saying so.</summary>
internal static class ResponseParser
{
    private const string OneRun = "a flow run (a JSON object with \"id\" and \"status\")";
    private const string RunPage = "a page of flow runs (a JSON object with \"flow_runs\")";
    private const string RunArray = "a JSON array of flow runs";

    /// <summary>Reads one run; <paramref name="note"/> is added to the message when the body is not one.</summary>
    public static FlowRun ReadFlowRun(ApiResponse response, string what, SecretRedactor redactor, string? note = null)
    {
        try
        {
            var dto = Deserialize(response, TableFlowJsonContext.Default.FlowRunDto, what, OneRun, redactor);
            return ToRun(dto, response, what, OneRun, redactor);
        }
        catch (TableFlowException e) when (note is not null)
        {
            throw new TableFlowException(e.Message + " " + note, e.InnerException);
        }
    }

    public static (List<FlowRun> Runs, long? NextOffset) ReadFlowRunPage(ApiResponse response, string what, SecretRedactor redactor)
    {
        var page = Deserialize(response, TableFlowJsonContext.Default.FlowRunPageDto, what, RunPage, redactor);
        if (page.FlowRuns is null) throw ApiErrors.UnexpectedBody(response, what, RunPage, "no \"flow_runs\" array", null, redactor);
        var runs = new List<FlowRun>(page.FlowRuns.Count);
        foreach (var dto in page.FlowRuns) runs.Add(ToRun(dto, response, what, RunPage, redactor));
        return (runs, page.Pagination?.NextOffset);
    }

    public static List<FlowRun> ReadFlowRunArray(ApiResponse response, string what, SecretRedactor redactor)
    {
        var list = Deserialize(response, TableFlowJsonContext.Default.ListFlowRunDto, what, RunArray, redactor);
        var runs = new List<FlowRun>(list.Count);
        foreach (var dto in list) runs.Add(ToRun(dto, response, what, RunArray, redactor));
        return runs;
    }

    private static FlowRun ToRun(FlowRunDto? dto, ApiResponse response, string what, string expected, SecretRedactor redactor)
    {
        if (dto is null || string.IsNullOrEmpty(dto.Id) || dto.Status is null)
        {
            throw ApiErrors.UnexpectedBody(response, what, expected, "a run without \"id\" or \"status\"", null, redactor);
        }

        return FlowRunMapper.ToFlowRun(dto);
    }

    private static T Deserialize<T>(ApiResponse response, JsonTypeInfo<T> type, string what, string expected, SecretRedactor redactor)
        where T : class
    {
        if (response.Body.Length == 0 || ApiErrors.LooksLikeHtml(response))
        {
            throw ApiErrors.UnexpectedBody(response, what, expected, null, null, redactor);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(response.Body, type);
        }
        catch (JsonException e)
        {
            throw ApiErrors.UnexpectedBody(response, what, expected, e.Message, e, redactor);
        }

        return value ?? throw ApiErrors.UnexpectedBody(response, what, expected, "it is JSON null", null, redactor);
    }
}
