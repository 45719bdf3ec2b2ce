using System;

namespace TableFlow.Testing;

/// <summary>A status a run enters at a given time: an entry of its <c>status_history</c> once that time has come.</summary>
internal sealed record RunTransition(FlowRunStatus Status, DateTimeOffset Time, string Message, string? Error);
