using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Diagnostics;
using TableFlow.Json;

namespace TableFlow;

public partial class TableFlowClient
{
    /// <summary>
    /// Lists the workspace's active flows with their definitions (<c>GET v2/flows</c>): each flow's file fields (keys,
    /// which are required, accepted file types, size limits) and steps. Inactive flows are not listed by the API.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The flows, in the API's order.</returns>
    /// <remarks>
    /// The answer is read leniently: a field that cannot be read becomes <see langword="null"/> or a default, and an
    /// entry that is not a flow (not an object, or without <c>id</c>) is skipped. Transient failures are retried like
    /// every read (see <see cref="TableFlowClientOptions.MaxRetries"/>).
    /// </remarks>
    /// <exception cref="TableFlowApiException">The API answered with an error, such as 401 for a wrong key.</exception>
    /// <exception cref="TableFlowException">The API could not be reached or answered something that is not a JSON array.</exception>
    /// <exception cref="InvalidOperationException">The instance was made for mocking and does not override this method.</exception>
    public virtual async Task<IReadOnlyList<FlowDefinition>> ListFlowsAsync(CancellationToken cancellationToken = default)
    {
        var sender = Connect(nameof(ListFlowsAsync)).Sender;
        const string what = "listing the workspace's flows";
        var telemetry = sender.Telemetry;
        using var activity = telemetry.StartCall(ApiOperation.ListFlows, null, null);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var response = await sender.GetAsync("v2/flows", what, ApiOperation.ListFlows, activity, cancellationToken).ConfigureAwait(false);
            var flows = ResponseParser.ReadFlowDefinitions(response, what, sender.Redactor);
            telemetry.CallSucceeded(ApiOperation.ListFlows, activity, started, (int)response.StatusCode);
            return flows;
        }
        catch (Exception e)
        {
            telemetry.CallFailed(ApiOperation.ListFlows, activity, started, e);
            throw;
        }
    }
}
