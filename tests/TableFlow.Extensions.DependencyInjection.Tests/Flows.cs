using Microsoft.Extensions.Logging;
using TableFlow;

namespace TableFlow.Extensions.DependencyInjection.Tests;

/// <summary>A flow whose own constructor takes another service besides the client, as apps write them.</summary>
[TableFlow("diFlow0001")]
public partial class ReconciliationFlow
{
    /// <summary>Chains to the generated constructor and keeps the logger the container gives.</summary>
    public ReconciliationFlow(TableFlowClient client, ILogger<ReconciliationFlow> logger)
        : this(client)
    {
        Logger = logger;
        Client = client;
    }

    /// <summary>The purchase order.</summary>
    public FlowFile PurchaseOrder { get; }

    /// <summary>The invoice.</summary>
    public FlowFile Invoice { get; }

    /// <summary>The logger the container injected (null when the generated constructor was used).</summary>
    [FlowIgnore]
    public ILogger<ReconciliationFlow>? Logger { get; }

    /// <summary>The client the container gave.</summary>
    [FlowIgnore]
    public TableFlowClient? Client { get; }
}

/// <summary>A class that is not a flow.</summary>
public sealed class NotAFlow;
