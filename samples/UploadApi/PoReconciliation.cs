using TableFlow;

namespace UploadApi;

/// <summary>The purchase-order-to-invoice reconciliation flow; <c>AddFlow&lt;PoReconciliation&gt;()</c> makes it injectable.</summary>
[TableFlow("dk4g1tUg1uHLs8YU")]
public partial class PoReconciliation
{
    /// <summary>The purchase order, as a PDF.</summary>
    [FlowField(Guidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.")]
    public FlowFile PurchaseOrder { get; }

    /// <summary>The supplier's invoice for the order, as a PDF.</summary>
    public FlowFile Invoice { get; }
}
