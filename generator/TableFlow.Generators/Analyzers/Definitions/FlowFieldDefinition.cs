namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>One entry of a flow's <c>file_input_config.file_fields</c> in <c>tableflow.json</c>.</summary>
/// <param name="Key">The form key, such as <c>purchase_order</c>.</param>
/// <param name="Required">The API's <c>required</c>; a missing value counts as not required.</param>
/// <param name="Multiple">Our optional <c>multiple</c>: whether the field takes several files; <see langword="null"/> when not stated.</param>
internal sealed record FlowFieldDefinition(string Key, bool Required, bool? Multiple);
