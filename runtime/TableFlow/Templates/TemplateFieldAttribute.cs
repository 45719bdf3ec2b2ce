using System;

namespace TableFlow;

/// <summary>
/// Names the key a property of a <see cref="TableFlowTemplateAttribute"/> class (a field) or of a table's row type (a
/// column) is read from, when it is not the property name in snake_case (<c>InvoiceNumber</c> → <c>invoice_number</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class TemplateFieldAttribute : Attribute
{
    /// <summary>Reads the property from the field or column <paramref name="key"/>.</summary>
    /// <param name="key">The key as the template defines it, such as <c>invoice_number</c>.</param>
    public TemplateFieldAttribute(string key) => Key = key;

    /// <summary>The field or column key.</summary>
    public string Key { get; }
}
