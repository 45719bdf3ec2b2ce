namespace TableFlow;

/// <summary>A field of an <see cref="ExtractionTemplate"/>, or a column of one of its tables.</summary>
public sealed class ExtractionTemplateField
{
    /// <summary>The key values are sent under, such as <c>invoice_number</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>The name shown to people, such as <c>Invoice Number</c>.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The data type as sent: <c>string</c>, <c>number</c>, <c>date</c>, <c>boolean</c> or <c>table</c>. The API treats a
    /// missing type as <c>string</c>; this is <see langword="null"/> when none was sent.
    /// </summary>
    public string? DataType { get; init; }

    /// <summary>The field's description, when sent.</summary>
    public string? Description { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Key} ({DataType ?? "string"})";
}
