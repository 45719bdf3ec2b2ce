using TableFlow;

namespace TableFlow.Benchmarks.Requests;

/// <summary>The two-file flow of the request benchmark, declared as a user would; the generator adds <c>RunAsync</c>.</summary>
[TableFlow("dk4g1tUg1uHLs8YU")]
public partial class PoReconciliationFlow
{
    /// <summary>The purchase order.</summary>
    public FlowFile PurchaseOrder { get; }

    /// <summary>The invoice.</summary>
    public FlowFile Invoice { get; }
}

/// <summary>The one-file flow of the request benchmark.</summary>
[TableFlow("dk4g1tUg1uHLs8YU")]
public partial class ScanFlow
{
    /// <summary>The scanned document.</summary>
    public FlowFile Scan { get; }
}
