using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TableFlow.Testing.Extractions;

/// <summary>One validation rule on a template field or column: <c>{validate, options?, severity?, message?}</c>.</summary>
internal sealed record ValidationRule(string Validate, JsonElement Options, string Severity, string? Message);

/// <summary>A template field, or a column of a template table.</summary>
internal sealed record TemplateField(string Key, string Name, string DataType, IReadOnlyList<ValidationRule> Validations);

/// <summary>A template table: its columns and the rows every extraction against the template returns.</summary>
internal sealed record TemplateTable(string Key, string Name, IReadOnlyList<TemplateField> Columns, IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows);

/// <summary>
/// An emulated extraction template: the API's template shape (fields, tables, validations), the file types it
/// accepts, the values every upload against it returns, and how its extractions end.
/// </summary>
internal sealed class TemplateDefinition
{
    private readonly Lazy<TemplateResult> _result;

    public TemplateDefinition(string id, string name, IReadOnlyList<string> fileTypes, IReadOnlyList<TemplateField> fields,
        IReadOnlyDictionary<string, JsonElement> fieldValues, IReadOnlyList<TemplateTable> tables)
    {
        Id = id;
        Name = name;
        FileTypes = fileTypes;
        Fields = fields;
        FieldValues = fieldValues;
        Tables = tables;

        // The result is the same for every upload: evaluated once, on first use.
        _result = new Lazy<TemplateResult>(() => TemplateResult.Evaluate(this));
    }

    public string Id { get; }
    public string Name { get; }

    /// <summary>Accepted kinds (<c>document</c>, <c>image</c>, <c>spreadsheet</c>) or extensions; empty accepts every supported file.</summary>
    public IReadOnlyList<string> FileTypes { get; }
    public IReadOnlyList<TemplateField> Fields { get; }
    public IReadOnlyDictionary<string, JsonElement> FieldValues { get; }
    public IReadOnlyList<TemplateTable> Tables { get; }

    /// <summary>How long its extractions stay <c>processing</c>; <see langword="null"/> takes the emulator's time.</summary>
    public TimeSpan? ProcessingTime { get; init; }

    /// <summary>When set, its extractions end <c>failed</c> with this message.</summary>
    public string? FailureMessage { get; init; }

    public TemplateResult Result => _result.Value;

    public TemplateTable? FindTable(string key)
    {
        foreach (var table in Tables)
        {
            if (string.Equals(table.Key, key, StringComparison.Ordinal)) return table;
        }

        return null;
    }
}
