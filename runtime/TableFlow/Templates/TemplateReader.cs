using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow;

/// <summary>
/// Reads the values of one extraction (its fields, or one row of a table) for the code the TableFlow generator writes
/// into a <see cref="TableFlowTemplateAttribute"/> class: one typed method per property type, no reflection. A value
/// that cannot be converted gives <see langword="null"/> and an <see cref="ExtractionIssue"/> with
/// <see cref="ExtractionIssue.IsConversion"/> set that names the field (or table, row and column) and the expected
/// type; a missing or blank value gives <see langword="null"/> without an issue. Nothing here throws for a bad value.
/// </summary>
/// <remarks>Called by generated code; not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TemplateReader
{
    private static readonly IReadOnlyDictionary<string, ExtractedValue> NoValues = new Dictionary<string, ExtractedValue>();

    private readonly IReadOnlyDictionary<string, ExtractedValue> _values;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<ExtractionRow>>? _tables;
    private readonly List<ExtractionIssue> _issues;
    private readonly string? _table;
    private readonly int? _row;

    private TemplateReader(
        IReadOnlyDictionary<string, ExtractedValue>? values,
        IReadOnlyDictionary<string, IReadOnlyList<ExtractionRow>>? tables,
        List<ExtractionIssue> issues,
        string? table,
        int? row)
    {
        _values = values ?? NoValues;
        _tables = tables;
        _issues = issues;
        _table = table;
        _row = row;
    }

    /// <summary>Uploads <paramref name="file"/> for extraction with template <paramref name="templateId"/> (the generated <c>ExtractAsync</c>).</summary>
    /// <param name="client">The client to send the upload through.</param>
    /// <param name="file">The document.</param>
    /// <param name="templateId">The template's id.</param>
    /// <param name="name">A label for the extraction, or <see langword="null"/>.</param>
    /// <param name="guidance">Hints for the extraction, or <see langword="null"/>.</param>
    /// <param name="metadata">Metadata returned with the extraction, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The new extraction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="file"/> is <see langword="null"/> (before any request).</exception>
    public static Task<Extraction> ExtractAsync(
        TableFlowClient client, FlowFile file, string templateId, string? name, string? guidance, JsonObject? metadata, CancellationToken cancellationToken)
    {
        if (client is null) throw new ArgumentNullException(nameof(client), "ExtractAsync needs a TableFlowClient to send the upload through.");
        if (file is null) throw new ArgumentNullException(nameof(file), "ExtractAsync needs the file to extract from.");
        var options = name is null && guidance is null && metadata is null
            ? null
            : new ExtractionOptions { Name = name, Guidance = guidance, Metadata = metadata };
        return client.ExtractAsync(file, templateId, options, cancellationToken);
    }

    /// <summary>
    /// Reads extraction <paramref name="extractionId"/> (the generated <c>ReadAsync</c>): gets it, then takes every row of
    /// each table in <paramref name="tableKeys"/>, from the extraction when it embeds the whole table and otherwise from the
    /// rows endpoint, page after page. A table the extraction does not have reads as empty.
    /// </summary>
    /// <typeparam name="T">The template class.</typeparam>
    /// <param name="client">The client to read through.</param>
    /// <param name="extractionId">The extraction's id.</param>
    /// <param name="tableKeys">The keys of the template's tables.</param>
    /// <param name="create">Creates the template from a reader (the generated constructor).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The typed value with every issue; an extraction still processing (or failed) reads as empty, with an error issue that says so.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/> (before any request).</exception>
    /// <exception cref="ArgumentException"><paramref name="extractionId"/> is empty or white space (before any request).</exception>
    public static async Task<TemplateResult<T>> ReadAsync<T>(
        TableFlowClient client, string extractionId, IReadOnlyList<string> tableKeys, Func<TemplateReader, T> create, CancellationToken cancellationToken)
    {
        if (client is null) throw new ArgumentNullException(nameof(client), "ReadAsync needs a TableFlowClient to read through.");
        if (extractionId is null) throw new ArgumentNullException(nameof(extractionId), "ReadAsync needs the id of the extraction to read.");
        if (string.IsNullOrWhiteSpace(extractionId)) throw new ArgumentException("ReadAsync needs the id of the extraction to read; it was empty.", nameof(extractionId));
        if (tableKeys is null) throw new ArgumentNullException(nameof(tableKeys));
        if (create is null) throw new ArgumentNullException(nameof(create));

        var extraction = await client.GetExtractionAsync(extractionId, cancellationToken).ConfigureAwait(false);
        var tables = new Dictionary<string, IReadOnlyList<ExtractionRow>>(StringComparer.Ordinal);
        foreach (var key in tableKeys)
        {
            if (tables.ContainsKey(key) || !extraction.Tables.TryGetValue(key, out var table)) continue;
            if (table.IsComplete)
            {
                tables[key] = table.Rows;
                continue;
            }

            // The server's total sizes the list only up to one page: a wrong total must not reserve gigabytes.
            var rows = new List<ExtractionRow>(Math.Min(table.Total ?? table.Rows.Count, TableFlowClient.RowsPageSize));
            await foreach (var row in client.ListExtractionRowsAsync(extraction.Id.Length > 0 ? extraction.Id : extractionId, key, null, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            tables[key] = rows;
        }

        return Read(extraction, tables, create);
    }

    /// <summary>
    /// Reads <paramref name="extraction"/> as it is, without requests (the generated <c>FromExtraction</c>): tables hold
    /// the rows the extraction embeds, which may be only the first page.
    /// </summary>
    /// <typeparam name="T">The template class.</typeparam>
    /// <param name="extraction">The extraction.</param>
    /// <param name="create">Creates the template from a reader (the generated constructor).</param>
    /// <returns>The typed value with every issue; an extraction still processing (or failed) reads as empty, with an error issue that says so.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static TemplateResult<T> FromExtraction<T>(Extraction extraction, Func<TemplateReader, T> create)
    {
        if (extraction is null) throw new ArgumentNullException(nameof(extraction), "FromExtraction needs the extraction to read.");
        if (create is null) throw new ArgumentNullException(nameof(create));
        var tables = new Dictionary<string, IReadOnlyList<ExtractionRow>>(StringComparer.Ordinal);
        foreach (var pair in extraction.Tables) tables[pair.Key] = pair.Value.Rows;
        return Read(extraction, tables, create);
    }

    private static TemplateResult<T> Read<T>(Extraction extraction, IReadOnlyDictionary<string, IReadOnlyList<ExtractionRow>> tables, Func<TemplateReader, T> create)
    {
        var issues = new List<ExtractionIssue>(extraction.FieldIssues);
        if (NoValuesYet(extraction) is { } why) issues.Add(new ExtractionIssue(null, null, ExtractionIssueSeverity.Error, why));
        var value = create(new TemplateReader(extraction.Fields, tables, issues, null, null));
        return new TemplateResult<T>(value, issues.AsReadOnly(), extraction);
    }

    /// <summary>
    /// Why an extraction that is not completed has no values to read, or <see langword="null"/>: read before it ended,
    /// a template would otherwise look like an empty, valid document (no values, no tables, no issues).
    /// </summary>
    private static string? NoValuesYet(Extraction extraction) => extraction.Status switch
    {
        ExtractionStatus.Created or ExtractionStatus.Processing =>
            $"Extraction '{extraction.Id}' is still {extraction.StatusText}, so it has no values yet: wait for it with WaitForExtractionAsync, then read it.",
        ExtractionStatus.Failed => $"Extraction '{extraction.Id}' failed, so it has no values.",
        _ => null,
    };

    /// <summary>The rows of table <paramref name="key"/>, each created by <paramref name="createRow"/>; empty when the extraction has no such table. The rows' API issues join the result's.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="key">The table key.</param>
    /// <param name="createRow">Creates one row from a reader of its values (an object initializer in generated code).</param>
    /// <returns>The rows, in the order read.</returns>
    public IReadOnlyList<TRow> GetTable<TRow>(string key, Func<TemplateReader, TRow> createRow)
    {
        if (createRow is null) throw new ArgumentNullException(nameof(createRow));
        if (_tables is null || !_tables.TryGetValue(key, out var rows) || rows.Count == 0) return Array.Empty<TRow>();
        var result = new TRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            _issues.AddRange(row.Issues);
            result[i] = createRow(new TemplateReader(row.Values, null, _issues, key, row.Index));
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>The raw value of <paramref name="key"/>; absent (<see langword="default"/>) when missing.</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value as sent.</returns>
    public ExtractedValue GetValue(string key) => _values.TryGetValue(key, out var value) ? value : default;

    /// <summary>The text of <paramref name="key"/>, or <see langword="null"/> when missing or blank (<see cref="ExtractedValue.TryGetString"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? GetString(string key)
    {
        var value = GetValue(key);
        if (value.IsNullOrBlank) return null;
        if (value.TryGetString(out var text)) return text;
        Report(key, value, "string");
        return null;
    }

    /// <summary>Reads <paramref name="key"/> as a <see cref="byte"/> (<see cref="ExtractedValue.TryGetByte"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public byte? GetByte(string key) => Convert(key, "byte", static (ExtractedValue v, out byte x) => v.TryGetByte(out x));

    /// <summary>Reads <paramref name="key"/> as an <see cref="sbyte"/> (<see cref="ExtractedValue.TryGetSByte"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public sbyte? GetSByte(string key) => Convert(key, "sbyte", static (ExtractedValue v, out sbyte x) => v.TryGetSByte(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="short"/> (<see cref="ExtractedValue.TryGetInt16"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public short? GetInt16(string key) => Convert(key, "short", static (ExtractedValue v, out short x) => v.TryGetInt16(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="ushort"/> (<see cref="ExtractedValue.TryGetUInt16"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public ushort? GetUInt16(string key) => Convert(key, "ushort", static (ExtractedValue v, out ushort x) => v.TryGetUInt16(out x));

    /// <summary>Reads <paramref name="key"/> as an <see cref="int"/> (<see cref="ExtractedValue.TryGetInt32"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public int? GetInt32(string key) => Convert(key, "int", static (ExtractedValue v, out int x) => v.TryGetInt32(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="uint"/> (<see cref="ExtractedValue.TryGetUInt32"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public uint? GetUInt32(string key) => Convert(key, "uint", static (ExtractedValue v, out uint x) => v.TryGetUInt32(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="long"/> (<see cref="ExtractedValue.TryGetInt64"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public long? GetInt64(string key) => Convert(key, "long", static (ExtractedValue v, out long x) => v.TryGetInt64(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="ulong"/> (<see cref="ExtractedValue.TryGetUInt64"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public ulong? GetUInt64(string key) => Convert(key, "ulong", static (ExtractedValue v, out ulong x) => v.TryGetUInt64(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="float"/> (<see cref="ExtractedValue.TryGetSingle"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public float? GetSingle(string key) => Convert(key, "float", static (ExtractedValue v, out float x) => v.TryGetSingle(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="double"/> (<see cref="ExtractedValue.TryGetDouble"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public double? GetDouble(string key) => Convert(key, "double", static (ExtractedValue v, out double x) => v.TryGetDouble(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="decimal"/> (<see cref="ExtractedValue.TryGetDecimal"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public decimal? GetDecimal(string key) => Convert(key, "decimal", static (ExtractedValue v, out decimal x) => v.TryGetDecimal(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="bool"/> (<see cref="ExtractedValue.TryGetBoolean"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public bool? GetBoolean(string key) => Convert(key, "bool (true/false or yes/no)", static (ExtractedValue v, out bool x) => v.TryGetBoolean(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="DateTime"/> (<see cref="ExtractedValue.TryGetDateTime"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public DateTime? GetDateTime(string key) => Convert(key, "DateTime (RFC 3339 or yyyy-MM-dd)", static (ExtractedValue v, out DateTime x) => v.TryGetDateTime(out x));

    /// <summary>Reads <paramref name="key"/> as a <see cref="DateTimeOffset"/> (<see cref="ExtractedValue.TryGetDateTimeOffset"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public DateTimeOffset? GetDateTimeOffset(string key)
        => Convert(key, "DateTimeOffset (RFC 3339 or yyyy-MM-dd)", static (ExtractedValue v, out DateTimeOffset x) => v.TryGetDateTimeOffset(out x));

#if NET6_0_OR_GREATER
    /// <summary>Reads <paramref name="key"/> as a <see cref="DateOnly"/> (<see cref="ExtractedValue.TryGetDateOnly"/>).</summary>
    /// <param name="key">The field or column key.</param>
    /// <returns>The value, or <see langword="null"/> when missing, blank or not convertible (then with an issue).</returns>
    public DateOnly? GetDateOnly(string key) => Convert(key, "DateOnly (yyyy-MM-dd or RFC 3339)", static (ExtractedValue v, out DateOnly x) => v.TryGetDateOnly(out x));
#endif

    private delegate bool TryConvert<T>(ExtractedValue value, out T result);

    private T? Convert<T>(string key, string expected, TryConvert<T> convert)
        where T : struct
    {
        var value = GetValue(key);
        if (value.IsNullOrBlank) return null;
        if (convert(value, out var result)) return result;
        Report(key, value, expected);
        return null;
    }

    private void Report(string key, ExtractedValue value, string expected)
    {
        var shown = value.ToString();
        if (shown.Length > 100) shown = shown.Substring(0, 100) + "…";
        var where = _table is null ? $"field '{key}'" : $"column '{key}' of table '{_table}' (row {_row})";
        _issues.Add(new ExtractionIssue(
            key,
            _row,
            ExtractionIssueSeverity.Error,
            $"The value {(value.Kind == System.Text.Json.JsonValueKind.String ? "\"" + shown + "\"" : shown)} of {where} cannot be converted to {expected}.",
            table: _table,
            isConversion: true));
    }
}
