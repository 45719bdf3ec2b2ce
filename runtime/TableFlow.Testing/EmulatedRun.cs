using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow.Testing;

/// <summary>
/// A run the emulator accepted, with everything the request carried, so a test can assert what its code sent:
/// the name, the run metadata, and per field the files (name, content type, bytes, SHA-256), metadata and guidance.
/// </summary>
public sealed class EmulatedRun
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private List<RunTransition> _transitions;

    internal EmulatedRun(string id, string flowId, DateTimeOffset createdAt, TimeProvider clock, string? name,
        JsonObject? metadata, string? metadataJson, IReadOnlyList<EmulatedRunField> fields)
    {
        Id = id;
        FlowId = flowId;
        CreatedAt = createdAt;
        _clock = clock;
        Name = name;
        Metadata = metadata;
        MetadataJson = metadataJson;
        Fields = fields;
        var files = new List<EmulatedFile>();
        foreach (var field in fields) files.AddRange(field.Files);
        Files = files;

        // Processing from the start, so the outcome hook (which runs before Plan) can read Status safely.
        _transitions = new List<RunTransition> { new(FlowRunStatus.Processing, createdAt, "Flow started via api", null) };
    }

    /// <summary>The run's id.</summary>
    public string Id { get; }

    /// <summary>The id of the flow that was run.</summary>
    public string FlowId { get; }

    /// <summary>When the emulator accepted the run (its <c>start_time</c> and <c>created_at</c>).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The <c>name</c> form field sent, or <see langword="null"/>. (The API never returns it; only the emulator shows it.)</summary>
    public string? Name { get; }

    /// <summary>The <c>metadata</c> object sent, or <see langword="null"/>.</summary>
    public JsonObject? Metadata { get; }

    /// <summary>The file fields sent, in the order their first part arrived.</summary>
    public IReadOnlyList<EmulatedRunField> Fields { get; }

    /// <summary>Every file received, in arrival order.</summary>
    public IReadOnlyList<EmulatedFile> Files { get; }

    /// <summary>The run's status now, by the emulator's clock.</summary>
    public FlowRunStatus Status => Current(_clock.GetUtcNow()).Status;

    /// <summary>The field sent under <paramref name="key"/>, or <see langword="null"/> when the request did not carry it.</summary>
    /// <param name="key">The field's key, such as <c>purchase_order</c>.</param>
    /// <returns>The field or <see langword="null"/>.</returns>
    public EmulatedRunField? Field(string key)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal)) return field;
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Run {Id} of flow {FlowId} ({Status}, {Files.Count} file(s))";

    internal string? MetadataJson { get; }

    /// <summary>The history as it stands at <paramref name="now"/>: entries whose time has come, oldest first.</summary>
    internal IReadOnlyList<RunTransition> History(DateTimeOffset now)
    {
        lock (_gate)
        {
            var seen = new List<RunTransition>(_transitions.Count);
            foreach (var t in _transitions)
            {
                if (t.Time <= now) seen.Add(t);
            }

            return seen;
        }
    }

    internal RunTransition Current(DateTimeOffset now)
    {
        var history = History(now);
        return history[history.Count - 1];
    }

    internal void Plan(RunOutcome outcome, TimeSpan processingTime)
    {
        var end = CreatedAt + processingTime;
        lock (_gate)
        {
            _transitions = new List<RunTransition>
            {
                new(FlowRunStatus.Processing, CreatedAt, "Flow started via api", null),
                End(outcome, end),
            };
        }
    }

    /// <summary>Changes how a run that is still processing ends; false when it has already ended.</summary>
    internal bool Replan(RunOutcome outcome, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Current(now).Status != FlowRunStatus.Processing) return false;
            var end = outcome.ProcessingTime is { } time ? CreatedAt + time : _transitions[_transitions.Count - 1].Time;
            if (end < now) end = now;
            _transitions = new List<RunTransition> { _transitions[0], End(outcome, end) };
            return true;
        }
    }

    /// <summary>Ends a run that sits in review; false when it is not in review now.</summary>
    internal bool Resolve(RunOutcome outcome, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Current(now).Status != FlowRunStatus.Review) return false;
            _transitions = new List<RunTransition>(_transitions) { End(outcome, now) };
            return true;
        }
    }

    // "Flow completed successfully" and a failed step's error as the message are what the API's examples show;
    // the message for entering review is not documented, so ours only says what happened.
    private static RunTransition End(RunOutcome outcome, DateTimeOffset at) => outcome.Status switch
    {
        FlowRunStatus.Failed => new(FlowRunStatus.Failed, at, outcome.Error!, outcome.Error),
        FlowRunStatus.Review => new(FlowRunStatus.Review, at, "Flow paused for review", null),
        _ => new(FlowRunStatus.Completed, at, "Flow completed successfully", null),
    };
}
