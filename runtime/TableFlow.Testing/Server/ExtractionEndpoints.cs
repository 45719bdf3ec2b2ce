using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TableFlow.Testing.Extractions;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing.Server;

/// <summary>
/// The extraction endpoints (docs.tableflow.com API reference: upload-file, get-extractions, get-extraction,
/// get-extraction-table-rows, download-table-data; download-original from the overview).
/// </summary>
internal sealed class ExtractionEndpoints(EmulatorStore store, TableFlowEmulatorOptions options)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>Answers a request under <c>/v2/extractions</c>; <paramref name="segments"/> starts with <c>v2</c>, <c>extractions</c>.</summary>
    public Task<int> RouteAsync(HttpContext context, string[] segments)
    {
        var method = context.Request.Method;
        var get = HttpMethods.IsGet(method);
        string? allowed;
        switch (segments.Length)
        {
            case 2:
                if (get) return ListAsync(context);
                allowed = "GET";
                break;
            case 3 when segments[2] == "upload":
                if (HttpMethods.IsPost(method)) return UploadAsync(context);
                allowed = "POST";
                break;
            case 3:
                if (get) return GetAsync(context, segments[2]);
                allowed = "GET";
                break;
            case 4 when segments[3] == "download-original":
                if (get) return DownloadOriginalAsync(context, segments[2]);
                allowed = "GET";
                break;
            case 6 when segments[3] == "tables" && segments[5] is "rows" or "download":
                if (!get)
                {
                    allowed = "GET";
                    break;
                }

                return segments[5] == "rows" ? RowsAsync(context, segments[2], segments[4]) : DownloadTableAsync(context, segments[2], segments[4]);
            default:
                throw ApiErrorException.NotFound($"The emulator has no endpoint {method} {context.Request.Path}.");
        }

        context.Response.Headers.Allow = allowed;
        throw new ApiErrorException(405, "Method not allowed", $"{method} is not allowed on {context.Request.Path}; use {allowed}.");
    }

    private async Task<int> UploadAsync(HttpContext context)
    {
        var upload = await ExtractionRequestReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        EmulatedExtraction extraction;
        try
        {
            var template = ChooseTemplate(upload);
            var now = store.Clock.GetUtcNow();
            extraction = new EmulatedExtraction(store.NewId(), template, now, store.Clock, template.ProcessingTime ?? options.ProcessingTime,
                upload.FileName, upload.ContentType, upload.FileKind, upload.Content, upload.Name, upload.Guidance, upload.Metadata, upload.MetadataJson);
            store.AddExtraction(extraction);
        }
        catch
        {
            upload.Content.Dispose();
            throw;
        }

        await EmulatorHandler.WriteJsonAsync(context, 200, w => ExtractionJson.WriteUploaded(w, extraction, options.WorkspaceId)).ConfigureAwait(false);
        return 200;
    }

    private TemplateDefinition ChooseTemplate(ReceivedUpload upload)
    {
        var kind = upload.FileKind;
        if (upload.TemplateId == "auto")
        {
            var templates = store.Templates();
            if (templates.Length == 0) throw ApiErrorException.BadRequest("template_id=auto found no template: the emulator has no extraction templates (add one in code or in tableflow.json's \"templates\").");
            foreach (var candidate in templates)
            {
                if (ExtractionFileKinds.Fits(candidate.FileTypes, kind)) return candidate;
            }

            throw ApiErrorException.BadRequest($"template_id=auto found no template that takes a {kind.Extension} file ({kind.Key}).");
        }

        if (FlowNames.IdProblem(upload.TemplateId) is { } problem)
        {
            throw ApiErrorException.BadRequest($"The template id '{FlowNames.Printable(upload.TemplateId)}' is not valid: {problem}.");
        }

        var template = store.FindTemplate(upload.TemplateId) ?? throw ApiErrorException.NotFound($"Template '{upload.TemplateId}' was not found in this workspace.");
        if (!ExtractionFileKinds.Fits(template.FileTypes, kind))
        {
            throw ApiErrorException.BadRequest($"Template '{template.Id}' does not take a {kind.Extension} file ({kind.Key}); it takes {string.Join(", ", template.FileTypes)}.");
        }

        return template;
    }

    private async Task<int> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var templateId = EmulatorHandler.Single(query, "template_id");
        var limit = Math.Min(EmulatorHandler.Number(query, "limit", DefaultLimit, min: 1), MaxLimit);
        var offset = EmulatorHandler.Number(query, "offset", 0, min: 0);
        var all = store.Extractions();
        var matching = new List<EmulatedExtraction>();

        // Stored oldest first; newest first is the reverse, stable when a fake clock gives several the same time.
        for (var i = all.Length - 1; i >= 0; i--)
        {
            if (templateId is null || all[i].TemplateId == templateId) matching.Add(all[i]);
        }

        var now = store.Clock.GetUtcNow();
        await EmulatorHandler.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("extractions");
            for (var i = offset; i < matching.Count && i < offset + limit; i++) ExtractionJson.WriteSummary(w, matching[i], now);
            w.WriteEndArray();
            w.WriteNumber("total", matching.Count);
            w.WriteNumber("limit", limit);
            w.WriteNumber("offset", offset);
            w.WriteEndObject();
        }).ConfigureAwait(false);
        return 200;
    }

    private async Task<int> GetAsync(HttpContext context, string id)
    {
        var extraction = Require(id);
        var now = store.Clock.GetUtcNow();
        await EmulatorHandler.WriteJsonAsync(context, 200, w => ExtractionJson.WriteExtraction(w, extraction, now, options.WorkspaceId)).ConfigureAwait(false);
        return 200;
    }

    private async Task<int> RowsAsync(HttpContext context, string id, string tableKey)
    {
        var query = context.Request.Query;
        var offset = EmulatorHandler.Number(query, "offset", 0, min: 0);
        var limit = Math.Min(EmulatorHandler.Number(query, "limit", DefaultLimit, min: 1), MaxLimit);
        var filter = RowFilter.Parse(EmulatorHandler.Single(query, "filter"));
        var table = CompletedTable(id, tableKey, "read the rows of");
        var rows = filter.Apply(table.Rows);
        await EmulatorHandler.WriteJsonAsync(context, 200, w => ExtractionJson.WriteRowsPage(w, table, rows, offset, limit, filter.Text)).ConfigureAwait(false);
        return 200;
    }

    /// <summary>The table as CSV, written row by row as the response streams (a large table is never one string in memory).</summary>
    private async Task<int> DownloadTableAsync(HttpContext context, string id, string tableKey)
    {
        var filter = RowFilter.Parse(EmulatorHandler.Single(context.Request.Query, "filter"));
        var table = CompletedTable(id, tableKey, "download");
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(table.Table.Key + ".csv");
        response.Headers.ContentDisposition = disposition.ToString();

        var line = new StringBuilder();
        // leaveOpen: the body is the server's (or, under an after-processing fault, the handler's held buffer).
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        var columns = table.Table.Columns;
        for (var c = 0; c < columns.Count; c++) Csv.Append(line, c, columns[c].Key);
        await WriteLineAsync(writer, line, context).ConfigureAwait(false);
        foreach (var row in table.Rows)
        {
            if (!filter.Keeps(row)) continue;
            for (var c = 0; c < columns.Count; c++) Csv.Append(line, c, JsonValues.Text(row.Values[c]) ?? "");
            await WriteLineAsync(writer, line, context).ConfigureAwait(false);
        }

        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        return 200;
    }

    private async Task<int> DownloadOriginalAsync(HttpContext context, string id)
    {
        var extraction = Require(id);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = extraction.ContentType;
        response.ContentLength = extraction.FileSize;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(extraction.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await using var content = extraction.OpenContent();
        await content.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        return 200;
    }

    private static async Task WriteLineAsync(StreamWriter writer, StringBuilder line, HttpContext context)
    {
        line.Append("\r\n");
        await writer.WriteAsync(line, context.RequestAborted).ConfigureAwait(false);
        line.Clear();
    }

    private ResultTable CompletedTable(string id, string tableKey, string what)
    {
        var extraction = Require(id);
        var template = extraction.Template;
        if (template.FindTable(tableKey) is null)
        {
            var keys = new List<string>();
            foreach (var t in template.Tables) keys.Add(t.Key);
            throw ApiErrorException.NotFound($"Extraction '{id}' has no table '{tableKey}' (template '{template.Id}' has {(keys.Count == 0 ? "no tables" : string.Join(", ", keys))}).");
        }

        var status = extraction.Current(store.Clock.GetUtcNow()).Status;
        if (status != "completed") throw new ApiErrorException(400, $"Cannot {what} extraction while in status {status}", $"Extraction '{id}' is {status}; its tables can be read once it is completed.");
        return template.Result.FindTable(tableKey)!;
    }

    private EmulatedExtraction Require(string id)
    {
        if (FlowNames.IdProblem(id) is { } problem) throw ApiErrorException.BadRequest($"The extraction id '{FlowNames.Printable(id)}' is not valid: {problem}.");
        return store.FindExtraction(id) ?? throw ApiErrorException.NotFound($"Extraction '{id}' was not found.");
    }

    /// <summary>RFC 4180 fields: quoted when they hold a comma, a quote, CR or LF, with quotes doubled.</summary>
    private static class Csv
    {
        public static void Append(StringBuilder line, int column, string value)
        {
            if (column > 0) line.Append(',');
            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                line.Append(value);
                return;
            }

            line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
    }
}
