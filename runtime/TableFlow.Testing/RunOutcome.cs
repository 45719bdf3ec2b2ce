using System;

namespace TableFlow.Testing;

/// <summary>How an emulated run ends once its processing time is over: <c>completed</c>, <c>failed</c> or <c>review</c>.</summary>
public sealed class RunOutcome
{
    private RunOutcome(FlowRunStatus status, string? error, TimeSpan? processingTime)
    {
        Status = status;
        Error = error;
        ProcessingTime = processingTime;
    }

    /// <summary>The run ends <c>completed</c> (the default).</summary>
    public static RunOutcome Completed { get; } = new(FlowRunStatus.Completed, null, null);

    /// <summary>The run pauses in <c>review</c>, waiting for a person (see <see cref="TableFlowEmulator.ResolveReview"/>).</summary>
    public static RunOutcome Review { get; } = new(FlowRunStatus.Review, null, null);

    /// <summary>The run ends <c>failed</c>; <paramref name="error"/> becomes its <c>error</c> and its last history message.</summary>
    /// <param name="error">Why it failed, such as <c>Extraction step 'Extract Invoice' failed: Template not found</c>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="error"/> is empty.</exception>
    public static RunOutcome Failed(string error)
    {
        if (string.IsNullOrWhiteSpace(error)) throw new ArgumentException("A failed run needs an error message.", nameof(error));
        return new(FlowRunStatus.Failed, error, null);
    }

    /// <summary>The status the run ends in.</summary>
    public FlowRunStatus Status { get; }

    /// <summary>The error of a failed run; <see langword="null"/> otherwise.</summary>
    public string? Error { get; }

    /// <summary>How long this run stays <c>processing</c>; <see langword="null"/> takes the flow's or the emulator's time.</summary>
    public TimeSpan? ProcessingTime { get; }

    /// <summary>The same outcome, reached after <paramref name="processingTime"/> instead of the flow's time.</summary>
    /// <param name="processingTime">How long the run stays <c>processing</c>; zero or more.</param>
    /// <returns>A new outcome.</returns>
    public RunOutcome After(TimeSpan processingTime)
    {
        if (processingTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(processingTime), processingTime, "The processing time cannot be negative.");
        return new(Status, Error, processingTime);
    }

    /// <inheritdoc/>
    public override string ToString() => Error is null ? Status.ToString() : $"{Status}: {Error}";
}
