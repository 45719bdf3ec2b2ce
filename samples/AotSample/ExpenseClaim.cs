using System.Collections.Generic;
using TableFlow;

namespace AotSample;

/// <summary>An expense claim: the receipt, and any supporting documents.</summary>
[TableFlow("expenseClaim0001")]
public partial class ExpenseClaim
{
    /// <summary>The receipt, as a PDF or an image.</summary>
    [FlowField(Guidance = "Amounts are in the receipt's currency; do not convert them.")]
    public FlowFile Receipt { get; }

    /// <summary>Anything that supports the claim, such as an approval e-mail.</summary>
    public IReadOnlyList<FlowFile>? Supporting { get; }
}
