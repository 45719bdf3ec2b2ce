using System;
using System.Collections.Generic;
using TableFlow;

namespace AotSample;

/// <summary>
/// A typed extraction template: the generator writes TemplateId, ExtractAsync, ReadAsync and FromExtraction, which
/// read these properties from an extraction without reflection, so they publish under Native AOT like the flow.
/// </summary>
[TableFlowTemplate("receiptTemplate01")]
public partial class ReceiptData
{
    /// <summary>The merchant's name (field <c>merchant</c>).</summary>
    public string? Merchant { get; }

    /// <summary>The amount paid (field <c>total</c>).</summary>
    [TemplateField("total")]
    public decimal? TotalAmount { get; }

    /// <summary>The day of purchase (field <c>purchase_date</c>).</summary>
    public DateOnly? PurchaseDate { get; }

    /// <summary>The receipt's lines (table <c>lines</c>).</summary>
    [TemplateTable("lines")]
    public IReadOnlyList<ReceiptLine> Lines { get; }
}

/// <summary>One line of a receipt.</summary>
public sealed class ReceiptLine
{
    /// <summary>What was bought.</summary>
    public string? Item { get; init; }

    /// <summary>How many.</summary>
    public int Quantity { get; init; }

    /// <summary>The line's amount.</summary>
    public decimal? Amount { get; init; }
}
