using System;

namespace TableFlow;

/// <summary>
/// A wait for a flow run (<see cref="TableFlowClient.WaitForFlowRunAsync(string, FlowRunWaitOptions?, System.Threading.CancellationToken)"/>)
/// ran out of time before the run ended. The run itself goes on: wait again, or read it later.
/// </summary>
public class FlowRunWaitTimeoutException : TableFlowException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, and what to do about it.</param>
    /// <param name="runId">The id of the run that was waited for.</param>
    /// <param name="lastRun">The run as last read, or <see langword="null"/> when no read succeeded.</param>
    /// <param name="innerException">The error of the last read when it failed, or <see langword="null"/>.</param>
    public FlowRunWaitTimeoutException(string message, string runId, FlowRun? lastRun, Exception? innerException = null)
        : base(message, innerException)
    {
        RunId = runId;
        LastRun = lastRun;
    }

    /// <summary>The id of the run that was waited for.</summary>
    public string RunId { get; }

    /// <summary>
    /// The run as it was last read (or as it was passed in, when the wait started from a <see cref="FlowRun"/>), or
    /// <see langword="null"/> when no read succeeded before the time ran out.
    /// </summary>
    public FlowRun? LastRun { get; }
}
