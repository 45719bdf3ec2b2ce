using System;
using System.Collections.Generic;
using System.Text.Json;
using TableFlow.Testing.Extractions;

namespace TableFlow.Testing.Server;

/// <summary>
/// Writes the extraction endpoints' JSON in the newer docs' shapes (docs.tableflow.com and its Mintlify mirror,
/// get-extraction, get-extractions, get-extraction-table-rows, upload-file): unix seconds for times.
/// </summary>
internal static class ExtractionJson
{
    /// <summary>The embedded first page of each table in <c>GET /v2/extractions/{id}</c>.</summary>
    public const int EmbeddedRows = 100;

    /// <summary>The upload's answer: the extraction just started.</summary>
    public static void WriteUploaded(Utf8JsonWriter w, EmulatedExtraction extraction, string workspaceId)
    {
        w.WriteStartObject();
        w.WriteString("id", extraction.Id);
        w.WriteString("workspace_id", workspaceId);
        w.WriteString("template_id", extraction.TemplateId);
        w.WriteString("status", "processing");
        WriteMetadata(w, extraction);
        w.WriteNumber("created_at", extraction.CreatedAt.ToUnixTimeSeconds());
        w.WriteNumber("updated_at", extraction.CreatedAt.ToUnixTimeSeconds());
        w.WriteEndObject();
    }

    /// <summary>A list item of <c>GET /v2/extractions</c>, where <c>file_info.file_type</c> is a bare extension.</summary>
    public static void WriteSummary(Utf8JsonWriter w, EmulatedExtraction extraction, DateTimeOffset now)
    {
        var current = extraction.Current(now);
        w.WriteStartObject();
        w.WriteString("id", extraction.Id);
        w.WriteString("status", current.Status);
        w.WriteString("template_id", extraction.TemplateId);
        WriteMetadata(w, extraction);
        w.WriteNumber("created_at", extraction.CreatedAt.ToUnixTimeSeconds());
        w.WriteNumber("updated_at", current.Time.ToUnixTimeSeconds());
        w.WriteStartObject("file_info");
        w.WriteString("file_name", extraction.FileName);
        w.WriteString("file_type", extraction.FileKind.Extension);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>GET /v2/extractions/{id}</c>: everything, with the data (the first 100 rows of each table), <c>stats</c> once
    /// completed, and the <c>template</c>.
    /// </summary>
    public static void WriteExtraction(Utf8JsonWriter w, EmulatedExtraction extraction, DateTimeOffset now, string workspaceId)
    {
        var history = extraction.History(now);
        var current = history[history.Count - 1];
        var template = extraction.Template;
        var completed = current.Status == "completed";

        w.WriteStartObject();
        w.WriteString("id", extraction.Id);
        w.WriteString("workspace_id", workspaceId);
        w.WriteString("template_id", template.Id);
        w.WriteString("template_name", template.Name);
        w.WriteString("file_name", extraction.FileName);
        w.WriteNumber("file_size", extraction.FileSize);
        WriteFileType(w, extraction.FileKind);
        w.WriteString("status", current.Status);
        w.WriteStartArray("status_history");
        foreach (var entry in history)
        {
            w.WriteStartObject();
            w.WriteString("status", entry.Status);
            w.WriteNumber("time", entry.Time.ToUnixTimeSeconds());
            w.WriteString("message", entry.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteMetadata(w, extraction);
        w.WriteNumber("created_at", extraction.CreatedAt.ToUnixTimeSeconds());
        w.WriteNumber("updated_at", current.Time.ToUnixTimeSeconds());

        // Until it completes an extraction has no data; a failed one never gets any.
        var result = completed ? template.Result : null;
        w.WriteStartObject("data");
        w.WriteStartObject("fields");
        w.WriteStartObject("values");
        if (result is not null)
        {
            foreach (var (field, value, _) in result.Fields)
            {
                w.WritePropertyName(field.Key);
                JsonValues.Write(w, value);
            }
        }

        w.WriteEndObject();
        w.WriteStartObject("validations");
        if (result is not null)
        {
            foreach (var (field, _, issues) in result.Fields)
            {
                if (issues.Count > 0) WriteIssues(w, field.Key, issues);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("tables");
        if (result is not null)
        {
            foreach (var table in result.Tables)
            {
                w.WritePropertyName(table.Table.Key);
                WriteRowsPage(w, table, table.Rows, 0, EmbeddedRows, "all");
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();

        if (result is not null) WriteStats(w, result);
        else w.WriteNull("stats");
        WriteTemplate(w, template);
        w.WriteEndObject();
    }

    /// <summary><c>{pagination: {offset, limit, total, next_offset, filter}, rows: [{index, values, validations}]}</c> over the filtered rows.</summary>
    public static void WriteRowsPage(Utf8JsonWriter w, ResultTable table, IReadOnlyList<ResultRow> filtered, int offset, int limit, string filter)
    {
        var end = Math.Min(filtered.Count, offset + limit);
        w.WriteStartObject();
        w.WriteStartObject("pagination");
        w.WriteNumber("offset", offset);
        w.WriteNumber("limit", limit);
        w.WriteNumber("total", filtered.Count);
        if (end < filtered.Count) w.WriteNumber("next_offset", end);
        else w.WriteNull("next_offset");
        w.WriteString("filter", filter);
        w.WriteEndObject();
        w.WriteStartArray("rows");
        for (var i = offset; i < end; i++)
        {
            var row = filtered[i];
            w.WriteStartObject();
            w.WriteNumber("index", row.Index);
            w.WriteStartObject("values");
            for (var c = 0; c < table.Table.Columns.Count; c++)
            {
                w.WritePropertyName(table.Table.Columns[c].Key);
                JsonValues.Write(w, row.Values[c]);
            }

            w.WriteEndObject();
            w.WriteStartObject("validations");
            foreach (var column in table.Table.Columns)
            {
                if (row.Issues.TryGetValue(column.Key, out var issues)) WriteIssues(w, column.Key, issues);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The <c>data</c> of an <c>extraction.*</c> webhook: the summary the webhooks page shows.</summary>
    public static void WriteEventData(Utf8JsonWriter w, EmulatedExtraction extraction, string status)
    {
        w.WriteStartObject();
        w.WriteString("extraction_id", extraction.Id);
        w.WriteString("template_id", extraction.TemplateId);
        w.WriteString("file_name", extraction.FileName);
        WriteFileType(w, extraction.FileKind);
        w.WriteString("status", status);
        WriteMetadata(w, extraction);
        w.WriteNumber("created_at", extraction.CreatedAt.ToUnixTimeSeconds());
        w.WriteEndObject();
    }

    private static void WriteFileType(Utf8JsonWriter w, ExtractionFileKind kind)
    {
        w.WriteStartObject("file_type");
        w.WriteString("key", kind.Key);
        w.WriteString("extension", kind.Extension);
        w.WriteString("mime_type", kind.MimeType);
        w.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter w, EmulatedExtraction extraction)
    {
        w.WritePropertyName("metadata");
        if (extraction.MetadataJson is null) w.WriteNullValue();
        else w.WriteRawValue(extraction.MetadataJson);
    }

    private static void WriteIssues(Utf8JsonWriter w, string key, List<ValidationIssue> issues)
    {
        w.WriteStartArray(key);
        foreach (var issue in issues)
        {
            w.WriteStartObject();
            w.WriteString("validate", issue.Validate);
            w.WriteString("severity", issue.Severity);
            w.WriteString("message", issue.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStats(Utf8JsonWriter w, TemplateResult result)
    {
        w.WriteStartObject("stats");
        w.WriteStartObject("fields");
        w.WriteNumber("valid", result.Fields.Count - result.InvalidFields);
        w.WriteNumber("invalid", result.InvalidFields);
        w.WriteNumber("total", result.Fields.Count);
        w.WriteEndObject();
        w.WriteStartObject("tables");
        foreach (var table in result.Tables)
        {
            w.WriteStartObject(table.Table.Key);
            w.WriteStartObject("rows");
            w.WriteNumber("valid", table.Rows.Count - table.InvalidRows);
            w.WriteNumber("invalid", table.InvalidRows);
            w.WriteNumber("total", table.Rows.Count);
            w.WriteEndObject();
            w.WriteStartObject("columns");
            w.WriteNumber("total", table.Table.Columns.Count);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTemplate(Utf8JsonWriter w, TemplateDefinition template)
    {
        w.WriteStartObject("template");
        w.WriteString("id", template.Id);
        w.WriteString("name", template.Name);
        w.WriteStartArray("fields");
        foreach (var field in template.Fields) WriteField(w, field);
        w.WriteEndArray();
        w.WriteStartArray("tables");
        foreach (var table in template.Tables)
        {
            w.WriteStartObject();
            w.WriteString("key", table.Key);
            w.WriteString("name", table.Name);
            w.WriteStartArray("columns");
            foreach (var column in table.Columns) WriteField(w, column);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter w, TemplateField field)
    {
        w.WriteStartObject();
        w.WriteString("key", field.Key);
        w.WriteString("name", field.Name);
        w.WriteString("data_type", field.DataType);
        w.WriteEndObject();
    }
}
