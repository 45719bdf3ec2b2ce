using System;
using System.Collections.Generic;
using TableFlow;

namespace InvoiceExtraction;

/// <summary>
/// The invoice template's shape, declared once: the generator adds <c>TemplateId</c>, <c>ExtractAsync</c>,
/// <c>ReadAsync</c> and <c>FromExtraction</c>, which read the extraction's values into these properties.
/// </summary>
[TableFlowTemplate("JlLZVabDjYWzu7C9")]
public partial class InvoiceData
{
    /// <summary>The invoice number (field <c>invoice_number</c>).</summary>
    public string? InvoiceNumber { get; }

    /// <summary>The invoice's date.</summary>
    public DateOnly? InvoiceDate { get; }

    /// <summary>Who sent the invoice.</summary>
    public string? Seller { get; }

    /// <summary>The purchase order the invoice refers to.</summary>
    [TemplateField("po_number")]
    public string? PurchaseOrder { get; }

    /// <summary>The total due.</summary>
    public decimal? TotalAmount { get; }

    /// <summary>The invoice's lines (table <c>line_items</c>), every row of it.</summary>
    [TemplateTable("line_items")]
    public IReadOnlyList<LineItem> LineItems { get; }
}

/// <summary>One row of the <c>line_items</c> table.</summary>
public sealed class LineItem
{
    /// <summary>The seller's item code (column <c>item</c>).</summary>
    public string? Item { get; init; }

    /// <summary>What was sold.</summary>
    public string? Description { get; init; }

    /// <summary>How many.</summary>
    public int? Quantity { get; init; }

    /// <summary>The price of one.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>Quantity times unit price, as the invoice states it.</summary>
    public decimal? Amount { get; init; }
}
