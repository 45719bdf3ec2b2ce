using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TableFlow.Testing.Extractions;

namespace TableFlow.Testing;

/// <summary>
/// Describes a table of an emulated template (<see cref="EmulatedTemplateBuilder.Table"/>): its columns first, then its
/// rows. <c>l =&gt; l.Column("description").Column("quantity", "number").Row("Chair", "1").Row("Desk", 2)</c>.
/// </summary>
public sealed class EmulatedTableBuilder
{
    private readonly string _templateId;
    private readonly string _key;
    private readonly List<TemplateField> _columns = new();
    private readonly List<IReadOnlyDictionary<string, JsonElement>> _rows = new();

    internal EmulatedTableBuilder(string templateId, string key)
    {
        _templateId = templateId;
        _key = key;
    }

    /// <summary>Adds a column. Add every column before the first row.</summary>
    /// <param name="key">The column key, such as <c>unit_price</c>; the CSV download's header names it.</param>
    /// <param name="dataType">The template's <c>data_type</c>: <c>string</c> (the default), <c>number</c>, <c>date</c>, <c>boolean</c>.</param>
    /// <param name="name">The display name (default: the key in title case).</param>
    /// <param name="validations">The column's validation rules, evaluated over every row's cell.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or already used.</exception>
    /// <exception cref="InvalidOperationException">Rows were already added.</exception>
    public EmulatedTableBuilder Column(string key, string dataType = "string", string? name = null, IEnumerable<EmulatedValidation>? validations = null)
    {
        if (_rows.Count > 0) throw new InvalidOperationException($"Table '{_key}' of template '{_templateId}': add every column before the first row.");
        var column = EmulatedTemplateBuilder.MakeField(_templateId, $"column of table '{_key}'", key, dataType, name, validations);
        foreach (var existing in _columns)
        {
            if (existing.Key == key) throw new ArgumentException($"Table '{_key}' of template '{_templateId}' already has a column '{key}'.", nameof(key));
        }

        _columns.Add(column);
        return this;
    }

    /// <summary>Adds a row, its cells in column order; missing trailing cells are null. <c>"1"</c> is sent as a JSON string, <c>1</c> as a number.</summary>
    /// <param name="cells">The values, one per column.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">There are more cells than columns.</exception>
    public EmulatedTableBuilder Row(params JsonNode?[] cells)
    {
        if (cells is null) throw new ArgumentNullException(nameof(cells));
        if (cells.Length > _columns.Count)
        {
            throw new ArgumentException($"Row {_rows.Count.ToString(CultureInfo.InvariantCulture)} of table '{_key}' has {cells.Length} cells but the table has {_columns.Count} columns.", nameof(cells));
        }

        var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++) row[_columns[i].Key] = JsonValues.ToElement(cells[i]);
        _rows.Add(row);
        return this;
    }

    /// <summary>Adds a row from column keys and values, <c>new JsonObject { ["quantity"] = "2" }</c>; columns not named are null.</summary>
    /// <param name="cells">The values by column key.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A key is not a column of the table.</exception>
    public EmulatedTableBuilder Row(JsonObject cells)
    {
        if (cells is null) throw new ArgumentNullException(nameof(cells));
        var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in cells)
        {
            if (!_columns.Exists(c => c.Key == key))
            {
                throw new ArgumentException($"Row {_rows.Count.ToString(CultureInfo.InvariantCulture)} of table '{_key}' names '{key}', which is not one of its columns ({ColumnList()}).", nameof(cells));
            }

            row[key] = JsonValues.ToElement(value);
        }

        _rows.Add(row);
        return this;
    }

    internal void AddColumn(TemplateField column) => _columns.Add(column);

    internal void AddRow(IReadOnlyDictionary<string, JsonElement> row) => _rows.Add(row);

    internal string ColumnList() => _columns.Count == 0 ? "it has none" : string.Join(", ", _columns.ConvertAll(c => c.Key));

    internal TemplateTable Build(string name) => new(_key, name, _columns.ToArray(), _rows.ToArray());
}
