using System;

namespace TableFlow;

/// <summary>
/// Marks a <see langword="partial"/> class as a typed client for one TableFlow flow. The TableFlow source generator
/// adds a <c>FlowId</c> constant, a constructor taking a <see cref="TableFlowClient"/>, a <c>Fields</c> list and a
/// typed <c>RunAsync</c> method whose parameters are the flow's files, declared as <see cref="FlowFile"/> properties.
/// </summary>
/// <example>
/// <code>
/// [TableFlow("dk4g1tUg1uHLs8YU")]
/// public partial class PoReconciliation
/// {
///     public FlowFile PurchaseOrder { get; }
///     public FlowFile Invoice { get; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TableFlowAttribute : Attribute
{
    /// <summary>Declares the class as the typed client of the flow with the given id.</summary>
    /// <param name="flowId">The flow's id, as shown in the TableFlow dashboard (for example <c>dk4g1tUg1uHLs8YU</c>).</param>
    public TableFlowAttribute(string flowId) => FlowId = flowId;

    /// <summary>The flow's id.</summary>
    public string FlowId { get; }
}
