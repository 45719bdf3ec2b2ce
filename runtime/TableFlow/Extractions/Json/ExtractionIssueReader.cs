using System.Collections.Generic;
using System.Text.Json;

namespace TableFlow.Json;

/// <summary>
/// Reads <c>validations</c> leniently into flat <see cref="ExtractionIssue"/>s. The documented shape is a map of field
/// or column key → array of issues; the pages never show the key that names the failed rule, so <c>validate</c>,
/// <c>rule</c> and <c>type</c> are all read. A single issue object or a bare message string in place of the array, and an
/// array of issues that name their own <c>field</c>/<c>column</c>/<c>key</c>, are read too; anything else is skipped.
/// </summary>
internal static class ExtractionIssueReader
{
    public static IReadOnlyList<ExtractionIssue> Read(JsonElement validations, string? table, int? row)
    {
        List<ExtractionIssue>? issues = null;
        switch (validations.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in validations.EnumerateObject()) AddAll(ref issues, property.Value, property.Name, table, row);
                break;
            case JsonValueKind.Array:
                foreach (var item in validations.EnumerateArray()) Add(ref issues, item, null, table, row);
                break;
        }

        return issues ?? (IReadOnlyList<ExtractionIssue>)System.Array.Empty<ExtractionIssue>();
    }

    private static void AddAll(ref List<ExtractionIssue>? issues, JsonElement value, string field, string? table, int? row)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) Add(ref issues, item, field, table, row);
        }
        else
        {
            Add(ref issues, value, field, table, row);
        }
    }

    private static void Add(ref List<ExtractionIssue>? issues, JsonElement item, string? field, string? table, int? row)
    {
        ExtractionIssue? issue = null;
        if (item.ValueKind == JsonValueKind.String)
        {
            var message = item.GetString();
            if (!string.IsNullOrEmpty(message)) issue = new ExtractionIssue(field, row, ExtractionIssueSeverity.Unknown, message!, table: table);
        }
        else if (item.ValueKind == JsonValueKind.Object)
        {
            field ??= Text(item, "field") ?? Text(item, "column") ?? Text(item, "key");
            var rule = Text(item, "validate") ?? Text(item, "rule") ?? Text(item, "type") ?? Text(item, "validation");
            var severityText = Text(item, "severity") ?? Text(item, "level");
            var message = Text(item, "message") ?? Text(item, "error") ?? (rule is null ? "A validation failed." : $"The '{rule}' validation failed.");
            issue = new ExtractionIssue(field, row, ExtractionStatuses.ParseSeverity(severityText), message, rule, table, severityText: severityText ?? "");
        }

        if (issue is null) return;
        (issues ??= new List<ExtractionIssue>()).Add(issue);
    }

    /// <summary>A string member, or a number's or boolean's JSON text; null for anything else or an empty string.</summary>
    private static string? Text(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
