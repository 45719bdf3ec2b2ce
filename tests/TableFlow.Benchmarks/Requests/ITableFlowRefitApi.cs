using System.Threading;
using System.Threading.Tasks;
using Refit;
using TableFlow.Benchmarks.Shared;

namespace TableFlow.Benchmarks.Requests;

/// <summary>The same two run requests written as a Refit interface, the way a Refit user would declare them.</summary>
public interface ITableFlowRefitApi
{
    /// <summary>Runs the purchase-order flow with its two files.</summary>
    [Multipart]
    [Post("/v2/flows/{flowId}/run")]
    Task<FlowRunPoco> RunPoReconciliationAsync(
        string flowId,
        [AliasAs("purchase_order")] ByteArrayPart purchaseOrder,
        [AliasAs("invoice")] ByteArrayPart invoice,
        CancellationToken cancellationToken = default);

    /// <summary>Runs the one-file scan flow.</summary>
    [Multipart]
    [Post("/v2/flows/{flowId}/run")]
    Task<FlowRunPoco> RunScanAsync(
        string flowId,
        [AliasAs("scan")] ByteArrayPart scan,
        CancellationToken cancellationToken = default);
}
