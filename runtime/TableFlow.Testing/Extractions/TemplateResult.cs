using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TableFlow.Testing.Extractions;

/// <summary>One table row of a result: its 0-based index, its values in column order, and its failed validations.</summary>
internal sealed class ResultRow(int index, IReadOnlyList<JsonElement> values, IReadOnlyDictionary<string, List<ValidationIssue>> issues)
{
    public int Index { get; } = index;

    /// <summary>The cells in the table's column order.</summary>
    public IReadOnlyList<JsonElement> Values { get; } = values;

    /// <summary>Failed validations by column key; only columns with issues.</summary>
    public IReadOnlyDictionary<string, List<ValidationIssue>> Issues { get; } = issues;

    public bool HasError { get; } = Any(issues, ValidationSeverity.IsError);

    public bool HasWarning { get; } = Any(issues, ValidationSeverity.IsWarning);

    public bool HasInfo { get; } = Any(issues, ValidationSeverity.IsInfo);

    private static bool Any(IReadOnlyDictionary<string, List<ValidationIssue>> issues, Func<string, bool> severity)
    {
        foreach (var list in issues.Values)
        {
            foreach (var issue in list)
            {
                if (severity(issue.Severity)) return true;
            }
        }

        return false;
    }
}

/// <summary>A table of a result with its rows evaluated.</summary>
internal sealed class ResultTable(TemplateTable table, IReadOnlyList<ResultRow> rows)
{
    public TemplateTable Table { get; } = table;

    public IReadOnlyList<ResultRow> Rows { get; } = rows;

    public int InvalidRows { get; } = Count(rows);

    private static int Count(IReadOnlyList<ResultRow> rows)
    {
        var n = 0;
        foreach (var row in rows)
        {
            if (row.HasError) n++;
        }

        return n;
    }
}

/// <summary>
/// What every completed extraction against a template answers: the field values with their failed validations, and
/// each table's rows. A value with an error-level issue is invalid; warnings and infos leave it valid.
/// </summary>
internal sealed class TemplateResult
{
    private TemplateResult(IReadOnlyList<(TemplateField Field, JsonElement Value, List<ValidationIssue> Issues)> fields, IReadOnlyList<ResultTable> tables)
    {
        Fields = fields;
        Tables = tables;
        var invalid = 0;
        foreach (var field in fields)
        {
            if (field.Issues.Exists(i => ValidationSeverity.IsError(i.Severity))) invalid++;
        }

        InvalidFields = invalid;
    }

    public IReadOnlyList<(TemplateField Field, JsonElement Value, List<ValidationIssue> Issues)> Fields { get; }

    public IReadOnlyList<ResultTable> Tables { get; }

    public int InvalidFields { get; }

    public ResultTable? FindTable(string key)
    {
        foreach (var table in Tables)
        {
            if (string.Equals(table.Table.Key, key, StringComparison.Ordinal)) return table;
        }

        return null;
    }

    public static TemplateResult Evaluate(TemplateDefinition template)
    {
        var fields = new List<(TemplateField, JsonElement, List<ValidationIssue>)>(template.Fields.Count);
        foreach (var field in template.Fields)
        {
            var value = template.FieldValues.TryGetValue(field.Key, out var v) ? v : JsonValues.Null;
            fields.Add((field, value, ValidationEvaluator.Evaluate(field, value)));
        }

        var tables = new List<ResultTable>(template.Tables.Count);
        foreach (var table in template.Tables)
        {
            var rows = new List<ResultRow>(table.Rows.Count);
            for (var i = 0; i < table.Rows.Count; i++)
            {
                var values = new JsonElement[table.Columns.Count];
                var issues = new Dictionary<string, List<ValidationIssue>>(StringComparer.Ordinal);
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    values[c] = table.Rows[i].TryGetValue(column.Key, out var cell) ? cell : JsonValues.Null;
                    var found = ValidationEvaluator.Evaluate(column, values[c]);
                    if (found.Count > 0) issues[column.Key] = found;
                }

                rows.Add(new ResultRow(i, values, issues));
            }

            tables.Add(new ResultTable(table, rows));
        }

        return new TemplateResult(fields, tables);
    }
}
