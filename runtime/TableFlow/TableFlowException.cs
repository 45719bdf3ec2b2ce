using System;

namespace TableFlow;

/// <summary>
/// A TableFlow call failed: the API could not be reached, answered something that is not what the API documents, or
/// the wait for a run ended. <see cref="TableFlowApiException"/> is thrown when the API answered with an error status.
/// </summary>
/// <remarks>
/// Messages say what was being done and what to do, and never contain the API key. After a failed run request, check
/// <see cref="RunMayHaveStarted"/> before running the flow again.
/// </remarks>
public class TableFlowException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, and what to do about it.</param>
    public TableFlowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, and what to do about it.</param>
    /// <param name="innerException">The cause.</param>
    public TableFlowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed run request, saying whether the run may have started.</summary>
    /// <param name="message">What went wrong, and what to do about it.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="runMayHaveStarted">Whether the run request may have reached the API although the call failed.</param>
    public TableFlowException(string message, Exception? innerException, bool runMayHaveStarted)
        : base(message, innerException)
    {
        RunMayHaveStarted = runMayHaveStarted;
    }

    /// <summary>
    /// Whether a run request may have reached the API although the call failed, so that a run may exist that the
    /// caller never got back.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <see langword="true"/> after a 5xx answer (503 included), a timeout or a dropped connection once the whole
    /// request had been sent, or a success answer whose body could not be read as a run. Running the flow again could
    /// then process the same documents twice: look for the run first. Put a correlation id in the run's metadata when
    /// you start it, and find it with <see cref="TableFlowClient.ListFlowRunsAsync(FlowRunQuery?, System.Threading.CancellationToken)"/>.
    /// </para>
    /// <para>
    /// <see langword="false"/> when the run certainly did not start: an error answer such as 400, 401, 404 or a 429
    /// the client gave up on, a refused connection or a host name that does not resolve, a request that was cut off
    /// before its end, invalid input, and every failure of a call that does not start runs (reads, listings, waits).
    /// </para>
    /// <para>
    /// When the caller's <see cref="System.Threading.CancellationToken"/> cancels a run request after it was sent, the
    /// call throws an <see cref="OperationCanceledException"/> (cancellation stays cancellation) whose
    /// <see cref="Exception.InnerException"/> is a <see cref="TableFlowException"/> with this property set to
    /// <see langword="true"/>.
    /// </para>
    /// </remarks>
    public bool RunMayHaveStarted { get; }

    /// <summary>Whether the call ran out of time (a per-request timeout or <c>HttpClient.Timeout</c>), for telemetry's <c>error.type</c>.</summary>
    internal bool IsTimeout { get; set; }
}
