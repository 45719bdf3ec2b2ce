using TableFlow;

namespace BatchReconciliation;

/// <summary>The purchase-order-to-invoice reconciliation flow; the generator writes its typed <c>RunAsync</c>.</summary>
[TableFlow("dk4g1tUg1uHLs8YU")]
public partial class PoReconciliationFlow
{
    /// <summary>The purchase order, as a PDF.</summary>
    [FlowField(Guidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.")]
    public FlowFile PurchaseOrder { get; }

    /// <summary>The supplier's invoice for the order.</summary>
    public FlowFile Invoice { get; }
}
