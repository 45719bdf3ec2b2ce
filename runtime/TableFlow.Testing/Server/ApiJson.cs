using System;
using System.Collections.Generic;
using System.Text.Json;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing.Server;

using FlowDefinition = TableFlow.Testing.Flows.FlowDefinition; // not the runtime's public TableFlow.FlowDefinition

/// <summary>
/// Writes the API's JSON shapes (docs.tableflow.com, API reference): snake_case names, unix seconds for times, milliseconds for
/// durations.
/// </summary>
internal static class ApiJson
{
    /// <summary>A run as it is at <paramref name="now"/>; with <paramref name="asStarted"/>, as the run request answers it: just started.</summary>
    public static void WriteRun(Utf8JsonWriter w, EmulatedRun run, DateTimeOffset now, string workspaceId, FlowDefinition? flowSummary, bool asStarted = false)
    {
        var history = run.History(now);

        // The service answers a run request with the run just started, even when (here) it would end at once.
        if (asStarted) history = [history[0]];
        var current = history[history.Count - 1];
        var ended = current.Status is FlowRunStatus.Completed or FlowRunStatus.Failed;

        w.WriteStartObject();
        w.WriteString("id", run.Id);
        w.WriteString("flow_id", run.FlowId);
        w.WriteString("workspace_id", workspaceId);
        w.WriteString("status", StatusText(current.Status));
        w.WriteStartArray("status_history");
        foreach (var entry in history)
        {
            w.WriteStartObject();
            w.WriteString("status", StatusText(entry.Status));
            w.WriteNumber("time", entry.Time.ToUnixTimeSeconds());
            w.WriteString("message", entry.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (current.Error is null) w.WriteNull("error");
        else w.WriteString("error", current.Error);
        w.WritePropertyName("metadata");
        if (run.MetadataJson is null) w.WriteRawValue("{}");
        else w.WriteRawValue(run.MetadataJson);
        w.WriteString("trigger_method", "api");
        w.WriteNumber("start_time", run.CreatedAt.ToUnixTimeSeconds());
        if (ended) w.WriteNumber("end_time", current.Time.ToUnixTimeSeconds());
        else w.WriteNull("end_time");
        w.WriteNumber("duration", ended ? (long)(current.Time - run.CreatedAt).TotalMilliseconds : 0);
        w.WriteStartObject("drive_files");
        w.WriteEndObject();
        if (flowSummary is not null)
        {
            w.WriteStartObject("flow");
            w.WriteString("id", flowSummary.Id);
            w.WriteString("workspace_id", workspaceId);
            w.WriteString("name", flowSummary.Name);
            w.WriteString("description", flowSummary.Description ?? "");
            w.WriteStartArray("steps");
            foreach (var step in flowSummary.Steps)
            {
                w.WriteStartObject();
                w.WriteString("id", step.Id);
                w.WriteString("title", step.Title);
                w.WriteString("type", step.Type);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteBoolean("active", flowSummary.Active);
            w.WriteEndObject();
        }

        w.WriteNumber("created_at", run.CreatedAt.ToUnixTimeSeconds());
        w.WriteNumber("updated_at", current.Time.ToUnixTimeSeconds());
        w.WriteEndObject();
    }

    public static void WriteRuns(Utf8JsonWriter w, IEnumerable<EmulatedRun> runs, DateTimeOffset now, string workspaceId)
    {
        w.WriteStartArray();
        foreach (var run in runs) WriteRun(w, run, now, workspaceId, null);
        w.WriteEndArray();
    }

    /// <summary>A flow as <c>GET /v2/flows</c> answers it; a multi-file field also carries our <c>"multiple": true</c>.</summary>
    public static void WriteFlow(Utf8JsonWriter w, FlowDefinition flow, string workspaceId)
    {
        w.WriteStartObject();
        w.WriteString("id", flow.Id);
        w.WriteString("workspace_id", workspaceId);
        w.WriteString("name", flow.Name);
        w.WriteString("description", flow.Description ?? "");
        w.WriteStartObject("file_input_config");
        w.WriteStartArray("file_fields");
        foreach (var field in flow.Fields)
        {
            w.WriteStartObject();
            w.WriteString("key", field.Key);
            w.WriteString("name", field.Name);
            w.WriteBoolean("required", field.Required);
            w.WriteStartArray("file_types");
            foreach (var type in field.FileTypes) w.WriteStringValue(type);
            w.WriteEndArray();
            if (field.MaxFileSize is { } max) w.WriteNumber("max_file_size", max);
            if (field.Multiple) w.WriteBoolean("multiple", true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("steps");
        foreach (var step in flow.Steps)
        {
            w.WriteStartObject();
            w.WriteString("id", step.Id);
            w.WriteString("title", step.Title);
            w.WriteString("description", step.Description ?? "");
            w.WriteString("type", step.Type);
            w.WriteNumber("order", step.Order);
            w.WritePropertyName("config");
            w.WriteRawValue(step.ConfigJson);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("active", flow.Active);
        w.WriteNumber("created_at", flow.CreatedAt.ToUnixTimeSeconds());
        w.WriteNumber("updated_at", flow.CreatedAt.ToUnixTimeSeconds());
        w.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter w, string error, string message)
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("message", message);
        w.WriteEndObject();
    }

    public static string StatusText(FlowRunStatus status) => status switch
    {
        FlowRunStatus.Processing => "processing",
        FlowRunStatus.Review => "review",
        FlowRunStatus.Completed => "completed",
        FlowRunStatus.Failed => "failed",
        _ => "unknown",
    };
}
