using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace TableFlow.Cli.Extracting;

/// <summary>
/// An extraction as JSON for <c>--json</c>: the API's own shape and names (<c>GET /v2/extractions/{id}</c>, unix
/// seconds). With the tables read through the rows endpoint, each table holds every row in one page.
/// </summary>
internal static class ExtractionJson
{
    public static JsonObject ToJson(Extraction extraction, IReadOnlyList<ExtractedTable>? tables)
    {
        var history = new JsonArray();
        foreach (var change in extraction.StatusHistory)
        {
            history.Add(new JsonObject { ["status"] = change.StatusText, ["time"] = change.Time?.ToUnixTimeSeconds(), ["message"] = change.Message });
        }

        var values = new JsonObject();
        foreach (var (key, value) in extraction.Fields) values[key] = ToNode(value);

        var tableNodes = new JsonObject();
        if (tables is not null)
        {
            foreach (var table in tables) tableNodes[table.Key] = Table(table.Rows, table.Count, null);
        }
        else
        {
            foreach (var (key, table) in extraction.Tables) tableNodes[key] = Table(table.Rows, table.Total, table.NextOffset);
        }

        return new JsonObject
        {
            ["id"] = extraction.Id,
            ["workspace_id"] = extraction.WorkspaceId,
            ["template_id"] = extraction.TemplateId,
            ["template_name"] = extraction.TemplateName,
            ["file_name"] = extraction.FileName,
            ["file_size"] = extraction.FileSize,
            ["file_type"] = extraction.FileType is { } type
                ? new JsonObject { ["key"] = type.Key, ["extension"] = type.Extension, ["mime_type"] = type.MimeType }
                : null,
            ["status"] = extraction.StatusText,
            ["status_history"] = history,
            ["metadata"] = extraction.Metadata?.DeepClone(),
            ["created_at"] = extraction.CreatedAt?.ToUnixTimeSeconds(),
            ["updated_at"] = extraction.UpdatedAt?.ToUnixTimeSeconds(),
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonObject { ["values"] = values, ["validations"] = Validations(extraction.FieldIssues) },
                ["tables"] = tableNodes,
            },
        };
    }

    private static JsonObject Table(IReadOnlyList<ExtractionRow> rows, int? total, int? nextOffset)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var cells = new JsonObject();
            foreach (var (key, value) in row.Values) cells[key] = ToNode(value);
            array.Add(new JsonObject { ["index"] = row.Index, ["values"] = cells, ["validations"] = Validations(row.Issues) });
        }

        return new JsonObject
        {
            ["pagination"] = new JsonObject { ["offset"] = 0, ["total"] = total, ["next_offset"] = nextOffset },
            ["rows"] = array,
        };
    }

    /// <summary>Issues as the API sends them: an array of <c>{validate, severity, message}</c> per field or column key.</summary>
    private static JsonObject Validations(IEnumerable<ExtractionIssue> issues)
    {
        var validations = new JsonObject();
        foreach (var group in issues.GroupBy(i => i.Field ?? ""))
        {
            validations[group.Key] = new JsonArray(group
                .Select(i => (JsonNode)new JsonObject { ["validate"] = i.Rule, ["severity"] = i.SeverityText, ["message"] = i.Message })
                .ToArray());
        }

        return validations;
    }

    /// <summary>The value as the API sent it: a string stays a string, a number a number.</summary>
    private static JsonNode? ToNode(ExtractedValue value) => value.IsNull ? null : JsonNode.Parse(value.Json.GetRawText());

    /// <summary>Indented, without escaping non-ASCII text.</summary>
    public static string Write(JsonNode node) => Running.RunJson.Write(node);
}
