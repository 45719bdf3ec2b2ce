using System.Collections.Generic;

namespace TableFlow;

/// <summary>One file field of a <see cref="FlowDefinition"/>: an entry of the API's <c>file_input_config.file_fields</c>.</summary>
public sealed class FlowFileFieldDefinition
{
    /// <summary>The form key a run sends the file under, such as <c>purchase_order</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>The field's display name, such as <c>Purchase Order</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Whether a run must send this file.</summary>
    public bool Required { get; init; }

    /// <summary>The kinds of file the field accepts as the API names them (<c>pdf</c>, <c>image</c>, …); empty when not limited.</summary>
    public IReadOnlyList<string> FileTypes { get; init; } = [];

    /// <summary>The largest file the field accepts, in bytes; <see langword="null"/> when the API gives no limit.</summary>
    public long? MaxFileSize { get; init; }

    /// <summary>
    /// Whether the field takes several files (sent as <c>key_1</c>, <c>key_2</c>, …). The API does not say; this is
    /// read from a <c>multiple</c> member where one is present (as in a <c>tableflow.json</c> file), else <see langword="null"/>.
    /// </summary>
    public bool? Multiple { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Key;
}
