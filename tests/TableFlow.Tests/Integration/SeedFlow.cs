using System.Collections.Generic;
using TableFlow;

namespace TableFlow.Tests.Integration;

/// <summary>The seed's flow, as README.md declares it.</summary>
[TableFlow("dk4g1tUg1uHLs8YU")]
public partial class SeedFlow
{
    /// <summary>The purchase order, as a PDF.</summary>
    [FlowField(Guidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.")]
    public FlowFile PurchaseOrder { get; }

    /// <summary>The invoice.</summary>
    public FlowFile Invoice { get; }
}

/// <summary>A flow with all three field shapes.</summary>
[TableFlow("shapes0000000001")]
public partial class ShapesFlow
{
    /// <summary>A required document.</summary>
    public FlowFile Contract { get; }

    /// <summary>An optional document.</summary>
    public FlowFile? DeliveryNote { get; }

    /// <summary>Several documents.</summary>
    [FlowField("attachments")]
    public IReadOnlyList<FlowFile>? Attachments { get; }
}

/// <summary>A flow whose multi-file field is required, beside an optional one.</summary>
[TableFlow("pages00000000001")]
public partial class PagesFlow
{
    /// <summary>The scanned pages, at least one.</summary>
    public IReadOnlyList<FlowFile> Pages { get; }

    /// <summary>Optional extra documents.</summary>
    public IEnumerable<FlowFile>? Attachments { get; }
}
