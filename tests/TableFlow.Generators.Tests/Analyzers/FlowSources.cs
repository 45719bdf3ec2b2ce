namespace TableFlow.Generators.Tests.Analyzers;

/// <summary>Declarations shared by the analyzer, suppressor and code-fix tests.</summary>
internal static class FlowSources
{
    /// <summary>The README's declaration ("Declare a flow"), verbatim: it must raise nothing.</summary>
    public const string Readme = """
        using System.Collections.Generic;
        using TableFlow;

        [TableFlow("dk4g1tUg1uHLs8YU")]
        public partial class PoReconciliation
        {
            /// <summary>The purchase order, as a PDF.</summary>
            [FlowField(Guidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.")]
            public FlowFile PurchaseOrder { get; }              // required, form key "purchase_order"

            public FlowFile Invoice { get; }                    // required, form key "invoice"

            public FlowFile? DeliveryNote { get; }              // optional (nullable)

            [FlowField("attachments")]
            public IReadOnlyList<FlowFile>? Attachments { get; } // optional, several files: attachments_1, attachments_2, ...
        }
        """;
}
