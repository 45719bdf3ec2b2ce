using System;

namespace TableFlow;

/// <summary>
/// Marks an <c>IReadOnlyList&lt;TRow&gt;</c> property of a <see cref="TableFlowTemplateAttribute"/> class as one of the
/// template's tables, optionally naming its key (by default the property name in snake_case). Each row becomes a
/// <c>TRow</c>: a class, struct or record with an accessible parameterless constructor whose settable (<c>set</c> or
/// <c>init</c>) properties are its columns. An <c>IReadOnlyList&lt;TRow&gt;</c> property is a table even without the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class TemplateTableAttribute : Attribute
{
    /// <summary>Marks the property as the table named after it in snake_case.</summary>
    public TemplateTableAttribute()
    {
    }

    /// <summary>Marks the property as the table <paramref name="key"/>.</summary>
    /// <param name="key">The table key as the template defines it, such as <c>line_items</c>.</param>
    public TemplateTableAttribute(string key) => Key = key;

    /// <summary>The table key, or <see langword="null"/> for the snake_case property name.</summary>
    public string? Key { get; }
}
