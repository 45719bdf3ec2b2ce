using System;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Diagnostics;

namespace TableFlow;

// A wait as traces, metrics and logs see it: one Internal activity around the polls' own activities.
public partial class TableFlowClient
{
    /// <summary>
    /// Runs <c>WaitCoreAsync</c> inside the wait's activity. Being an async method, it keeps that activity current for
    /// the polls only: the caller's <see cref="System.Diagnostics.Activity.Current"/> is unchanged when it returns.
    /// </summary>
    private static async Task<FlowRun> WaitObservedAsync(Connection connection, string runId, FlowRun? lastRun, FlowRunWaitOptions? options, CancellationToken cancellationToken)
    {
        var telemetry = connection.Sender.Telemetry;
        using var activity = ClientTelemetry.StartWait(runId);
        var started = ClientTelemetry.Timestamp();
        try
        {
            var run = await WaitCoreAsync(connection, runId, lastRun, options, cancellationToken).ConfigureAwait(false);
            telemetry.WaitEnded(activity, run, started);
            return run;
        }
        catch (Exception e)
        {
            telemetry.WaitFailed(activity, runId, e, started);
            throw;
        }
    }
}
