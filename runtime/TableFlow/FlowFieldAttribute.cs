using System;

namespace TableFlow;

/// <summary>
/// Refines how a file-field property of a <see cref="TableFlowAttribute"/> class maps to the flow: its form key,
/// a default extraction guidance, and whether it is required.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FlowFieldAttribute : Attribute
{
    /// <summary>Keeps the form key derived from the property name (<c>PurchaseOrder</c> → <c>purchase_order</c>).</summary>
    public FlowFieldAttribute()
    {
    }

    /// <summary>Names the field's form key explicitly.</summary>
    /// <param name="key">The key of the field in the flow's <c>file_input_config</c>, such as <c>purchase_order</c>.</param>
    public FlowFieldAttribute(string key) => Key = key;

    /// <summary>The form key named in the constructor, or <see langword="null"/> to derive it from the property name.</summary>
    public string? Key { get; }

    /// <summary>Default guidance sent as <c>{key}_guidance</c> when a call passes none.</summary>
    public string? Guidance { get; set; }

    /// <summary>
    /// Whether the file is required. When not set, nullability decides: <c>FlowFile</c> is required, <c>FlowFile?</c>
    /// is optional. Set it in <c>#nullable disable</c> code, where nullability says nothing.
    /// </summary>
    public bool Required { get; set; }
}
