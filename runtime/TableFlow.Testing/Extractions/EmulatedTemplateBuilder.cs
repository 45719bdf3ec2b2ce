using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using TableFlow.Testing.Extractions;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing;

using FlowDefinition = TableFlow.Testing.Flows.FlowDefinition; // not the runtime's public TableFlow.FlowDefinition

/// <summary>
/// Describes an emulated extraction template for <see cref="TableFlowEmulator.AddTemplate"/>: its fields and tables
/// (with validations), the values every upload against it returns, the files it accepts, and how its extractions end.
/// <c>t =&gt; t.Name("Invoice").Field("invoice_number", value: "INV-1", validations: [EmulatedValidation.NotBlank()])
/// .Table("line_items", l =&gt; l.Column("quantity", "number").Row("2"))</c>.
/// </summary>
public sealed class EmulatedTemplateBuilder
{
    private readonly string _templateId;
    private readonly List<TemplateField> _fields = new();
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly List<TemplateTable> _tables = new();
    private readonly List<string> _fileTypes = new();
    private string? _name;
    private TimeSpan? _processingTime;
    private string? _failure;

    internal EmulatedTemplateBuilder(string templateId) => _templateId = templateId;

    /// <summary>Sets the template's name, the extraction's <c>template_name</c> (default: the template id).</summary>
    /// <param name="name">The name, such as <c>Invoice Template</c>.</param>
    /// <returns>This builder.</returns>
    public EmulatedTemplateBuilder Name(string name)
    {
        _name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("The template name is empty.", nameof(name)) : name;
        return this;
    }

    /// <summary>
    /// Limits the files the template takes: kinds (<c>document</c>, <c>image</c>, <c>spreadsheet</c>) or extensions
    /// (<c>pdf</c>, <c>xlsx</c>, …). An upload that does not fit is refused, and <c>template_id=auto</c> picks the first
    /// template that fits. By default a template takes every file type the API accepts.
    /// </summary>
    /// <param name="fileTypes">The kinds or extensions.</param>
    /// <returns>This builder.</returns>
    public EmulatedTemplateBuilder FileTypes(params string[] fileTypes)
    {
        if (fileTypes is null) throw new ArgumentNullException(nameof(fileTypes));
        foreach (var type in fileTypes)
        {
            if (ExtractionFileKinds.TypeProblem(type) is { } problem) throw new ArgumentException($"Template '{_templateId}': {problem}.", nameof(fileTypes));
            _fileTypes.Add(type.Trim().TrimStart('.').ToLowerInvariant());
        }

        return this;
    }

    /// <summary>Adds a field and the value every extraction against the template returns for it.</summary>
    /// <param name="key">The field key, such as <c>invoice_number</c>.</param>
    /// <param name="dataType">The template's <c>data_type</c>: <c>string</c> (the default), <c>number</c>, <c>date</c>, <c>boolean</c>.</param>
    /// <param name="value">
    /// The extracted value, sent as given: <c>"1245.75"</c> is a JSON string (as the API's examples show values), <c>1245.75m</c>
    /// a JSON number; <see langword="null"/> is a null value.
    /// </param>
    /// <param name="name">The display name (default: the key in title case).</param>
    /// <param name="validations">The field's validation rules, evaluated over <paramref name="value"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or already used.</exception>
    public EmulatedTemplateBuilder Field(string key, string dataType = "string", JsonNode? value = null, string? name = null, IEnumerable<EmulatedValidation>? validations = null)
    {
        var field = MakeField(_templateId, "field", key, dataType, name, validations);
        foreach (var existing in _fields)
        {
            if (existing.Key == key) throw new ArgumentException($"Template '{_templateId}' already has a field '{key}'.", nameof(key));
        }

        _fields.Add(field);
        _values[key] = JsonValues.ToElement(value);
        return this;
    }

    /// <summary>Adds a table: its columns and the rows every extraction against the template returns.</summary>
    /// <param name="key">The table key, such as <c>line_items</c>.</param>
    /// <param name="configure">Adds the columns, then the rows.</param>
    /// <param name="name">The display name (default: the key in title case).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or already used.</exception>
    public EmulatedTemplateBuilder Table(string key, Action<EmulatedTableBuilder> configure, string? name = null)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException($"Template '{_templateId}' has a table with an empty key.", nameof(key));
        foreach (var existing in _tables)
        {
            if (existing.Key == key) throw new ArgumentException($"Template '{_templateId}' already has a table '{key}'.", nameof(key));
        }

        var table = new EmulatedTableBuilder(_templateId, key);
        configure(table);
        _tables.Add(table.Build(name ?? FlowDefinition.DisplayName(key)));
        return this;
    }

    /// <summary>Sets how long extractions against this template stay <c>processing</c> (default: <see cref="TableFlowEmulatorOptions.ProcessingTime"/>).</summary>
    /// <param name="processingTime">Zero or more.</param>
    /// <returns>This builder.</returns>
    public EmulatedTemplateBuilder ProcessingTime(TimeSpan processingTime)
    {
        if (processingTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(processingTime), processingTime, "The processing time cannot be negative.");
        _processingTime = processingTime;
        return this;
    }

    /// <summary>Makes every extraction against this template end <c>failed</c> after its processing time, with no data.</summary>
    /// <param name="message">The last <c>status_history</c> message, such as <c>Extraction failed: unreadable document</c>.</param>
    /// <returns>This builder.</returns>
    public EmulatedTemplateBuilder Fails(string message = "Extraction failed")
    {
        _failure = string.IsNullOrWhiteSpace(message) ? throw new ArgumentException("A failure needs a message.", nameof(message)) : message;
        return this;
    }

    internal void AddField(TemplateField field, JsonElement value)
    {
        _fields.Add(field);
        _values[field.Key] = value;
    }

    internal void AddTable(TemplateTable table) => _tables.Add(table);

    internal static TemplateField MakeField(string templateId, string what, string key, string? dataType, string? name, IEnumerable<EmulatedValidation>? validations)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException($"Template '{templateId}' has a {what} with an empty key.", nameof(key));
        if (string.IsNullOrWhiteSpace(dataType)) throw new ArgumentException($"The {what} '{key}' of template '{templateId}' has an empty data type.", nameof(dataType));
        var rules = new List<ValidationRule>();
        if (validations is not null)
        {
            foreach (var validation in validations) rules.Add((validation ?? throw new ArgumentException($"The {what} '{key}' has a null validation.", nameof(validations))).ToRule());
        }

        return new TemplateField(key, name ?? FlowDefinition.DisplayName(key), dataType, rules);
    }

    internal TemplateDefinition Build() =>
        new(_templateId, _name ?? _templateId, _fileTypes.ToArray(), _fields.ToArray(), new Dictionary<string, JsonElement>(_values, StringComparer.Ordinal), _tables.ToArray())
        {
            ProcessingTime = _processingTime,
            FailureMessage = _failure,
        };
}
