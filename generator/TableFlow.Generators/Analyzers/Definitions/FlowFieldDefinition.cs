using TableFlow.Generators.Model;

namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>One entry of a flow's <c>file_input_config.file_fields</c> in <c>tableflow.json</c>.</summary>
/// <param name="Key">The form key, such as <c>purchase_order</c>.</param>
/// <param name="Required">The API's <c>required</c>; a missing value counts as not required.</param>
/// <param name="Multiple">Our optional <c>multiple</c>: whether the field takes several files; <see langword="null"/> when not stated.</param>
internal sealed record FlowFieldDefinition(string Key, bool Required, bool? Multiple)
{
    /// <summary>The field's display name (<c>name</c>), or <see langword="null"/> when not stated.</summary>
    public string? Name { get; init; }

    /// <summary>The field's <c>file_types</c> (strings only, in file order), or <see langword="null"/> when not stated.</summary>
    public EquatableArray<string>? FileTypes { get; init; }

    /// <summary>The field's <c>max_file_size</c> in bytes, or <see langword="null"/> when not stated (or not a whole, non-negative number).</summary>
    public long? MaxFileSize { get; init; }
}
