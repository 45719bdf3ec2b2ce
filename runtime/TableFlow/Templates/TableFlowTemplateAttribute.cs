using System;

namespace TableFlow;

/// <summary>
/// Marks a <see langword="partial"/> class or record as the typed result of one TableFlow extraction template. The
/// TableFlow source generator adds a <c>TemplateId</c> constant and three static methods: <c>ExtractAsync</c> (upload a
/// document with this template), <c>ReadAsync</c> (read an extraction and every row of its tables into the class) and
/// <c>FromExtraction</c> (read an <see cref="Extraction"/> already at hand). Each auto-property is a field, read by its
/// snake_case name or the key in <see cref="TemplateFieldAttribute"/>; each <c>IReadOnlyList&lt;TRow&gt;</c> property
/// is a table (<see cref="TemplateTableAttribute"/>).
/// </summary>
/// <example>
/// <code>
/// [TableFlowTemplate("JlLZVabDjYWzu7C9")]
/// public partial class InvoiceData
/// {
///     public string? InvoiceNumber { get; }
///     public decimal? TotalAmount { get; }
///     [TemplateTable("line_items")] public IReadOnlyList&lt;LineItem&gt; LineItems { get; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TableFlowTemplateAttribute : Attribute
{
    /// <summary>Declares the class as the typed result of the extraction template with the given id.</summary>
    /// <param name="templateId">The template's id, as shown in the TableFlow dashboard (for example <c>JlLZVabDjYWzu7C9</c>).</param>
    public TableFlowTemplateAttribute(string templateId) => TemplateId = templateId;

    /// <summary>The template's id.</summary>
    public string TemplateId { get; }
}
