namespace TableFlow;

/// <summary>The state of a flow run.</summary>
public enum FlowRunStatus
{
    /// <summary>A status this version of the library does not know (the API added it later). See <see cref="FlowRun.StatusText"/>.</summary>
    Unknown = 0,

    /// <summary>The run is in progress (<c>processing</c>).</summary>
    Processing,

    /// <summary>The run is paused for a person to review it in the dashboard (<c>review</c>).</summary>
    Review,

    /// <summary>Every step is done (<c>completed</c>).</summary>
    Completed,

    /// <summary>The run failed; <see cref="FlowRun.Error"/> says why (<c>failed</c>).</summary>
    Failed,
}
