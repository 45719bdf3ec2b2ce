namespace TableFlow.Generators.Diagnostics;

/// <summary>
/// The <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> of a TF0010 that reports a required field of the
/// flow with no property: what the code fix needs to declare it.
/// </summary>
internal static class MissingFieldProperties
{
    /// <summary>The field's form key, such as <c>invoice</c>.</summary>
    public const string Key = "TableFlow.MissingField.Key";

    /// <summary>The suggested property name, such as <c>Invoice</c>.</summary>
    public const string PropertyName = "TableFlow.MissingField.PropertyName";

    /// <summary>The field's position in the flow's <c>file_fields</c> (invariant digits), so fix-all keeps the flow's order.</summary>
    public const string Index = "TableFlow.MissingField.Index";

    /// <summary><c>"true"</c> when the field takes several files (<c>"multiple": true</c>).</summary>
    public const string Multiple = "TableFlow.MissingField.Multiple";
}

/// <summary>
/// The <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> of a TF0010 that reports a property whose key the
/// flow does not have, when a real key is close: what the code fix needs to rename it.
/// </summary>
internal static class UnknownKeyProperties
{
    /// <summary>The closest key of the flow that no other property declares, such as <c>purchase_order</c>.</summary>
    public const string SuggestedKey = "TableFlow.UnknownKey.SuggestedKey";

    /// <summary>
    /// The property's new name when its key comes from its name and a name gives the suggested key (<c>PurchaseOrder</c>);
    /// absent when the key is written in <c>[FlowField("…")]</c>, or no name derives it, so the fix writes the key there.
    /// </summary>
    public const string PropertyName = "TableFlow.UnknownKey.PropertyName";
}
