namespace TableFlow.Generators.Tests.Rules;

/// <summary>
/// The table of form keys, key sets and ids with the verdict the rules give each: <see langword="null"/> for a name
/// that is fine, otherwise the reason, word for word. <see cref="FlowNamesTests"/> pins <c>FlowNames</c> to it, and
/// <see cref="FlowNamesAgreementTests"/> checks that the generator, the runtime and the emulator give the same verdict.
/// </summary>
public static class FlowNameCases
{
    /// <summary>Form keys on their own; <c>OverHttp</c> says whether the key can be written in a part header at all.</summary>
    public static TheoryData<string, string?, bool> Keys { get; } = new()
    {
        { "purchase_order", null, true },
        { "Invoice-2024.v1~copy", null, true },
        { "PO number", null, true },
        { "facture_reçue", null, true },
        { "", "it is empty", true },
        { "   ", "it is empty", true },
        { " invoice", "it starts or ends with white space", true },
        { "invoice ", "it starts or ends with white space", true },
        { "in\"voice", "it contains '\"', which cannot stand in a multipart field name", true },
        { "in\\voice", "it contains '\\', which cannot stand in a multipart field name", true },
        { "in\tvoice", "it contains '\\t', which cannot stand in a multipart field name", true },
        // A line break or NUL ends (or corrupts) the header: no HTTP request can carry such a key.
        { "in\r\nvoice", "it contains '\\r', which cannot stand in a multipart field name", false },
        { "in\nvoice", "it contains '\\n', which cannot stand in a multipart field name", false },
        { "in\0voice", "it contains '\\0', which cannot stand in a multipart field name", false },
    };

    /// <summary>
    /// Sets of file fields (key and whether it takes several files), in the order they are declared or added; the
    /// verdict is for the last one. <c>OverHttp</c> is false where the wire cannot tell the keys apart (a field
    /// <c>attachments_2</c> beside a multi-file <c>attachments</c> is sent exactly as the second attachment).
    /// </summary>
    public static TheoryData<string, string?, bool> KeySets { get; } = new()
    {
        { "name", "'name' is the run's own form field", true },
        { "metadata", "'metadata' is the run's own form field", true },
        { "invoice, invoice_metadata", "'invoice_metadata' is the metadata field of 'invoice'", true },
        { "invoice, invoice_guidance", "'invoice_guidance' is the guidance field of 'invoice'", true },
        { "attachments[], attachments_2", "'attachments_2' is one of the numbered file parts of 'attachments'", false },
        { "invoice, invoice_1", null, true },
        { "invoice, invoice_metadata_pages", null, true },
        { "Name, Metadata", null, true },
        { "run_name, metadata_file", null, true },
    };

    /// <summary>Flow and run ids; <c>OverHttp</c> is false for ids a URL cannot carry as one path segment at all.</summary>
    public static TheoryData<string, string?, bool> Ids { get; } = new()
    {
        { "dk4g1tUg1uHLs8YU", null, true },
        { "flow-1_a.b~c", null, true },
        { "", "it is empty", false },
        { " ", "it is empty", true },
        { ".", "'.' is a relative path segment", false },
        { "..", "'..' is a relative path segment", false },
        { "a b", "it contains ' ', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')", true },
        { "a/b", "it contains '/', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')", false },
        { "a+b", "it contains '+', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')", true },
        { "flow?x=1", "it contains '?', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')", false },
        { "reçu", "it contains 'ç', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')", true },
        { "a\nb", "it contains '\\n', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')", false },
    };

    /// <summary>The verdicts alone, for the tests that pin the rules.</summary>
    public static TheoryData<string, string?> Verdicts(string table)
    {
        var data = new TheoryData<string, string?>();
        var rows = table switch { nameof(Keys) => Keys, nameof(KeySets) => KeySets, _ => Ids };
        foreach (var row in rows) data.Add((string)row[0], (string?)row[1]);
        return data;
    }

    /// <summary>Parses a key set of <see cref="KeySets"/>: comma-separated keys, <c>[]</c> marking a multi-file field.</summary>
    public static (string Key, bool Multiple)[] ParseKeySet(string keys)
    {
        var parts = keys.Split(", ");
        var result = new (string, bool)[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = parts[i].EndsWith("[]", System.StringComparison.Ordinal) ? (parts[i][..^2], true) : (parts[i], false);
        }

        return result;
    }
}
