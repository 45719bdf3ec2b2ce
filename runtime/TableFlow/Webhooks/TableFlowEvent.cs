using System;
using System.Text.Json;

namespace TableFlow;

/// <summary>
/// A verified webhook message (<see cref="TableFlowWebhook.Verify(byte[], string, string, string)"/>): what happened
/// (<see cref="Type"/>), its raw <see cref="Data"/>, and typed views of the data read leniently: a type or shape this
/// library does not know gives an event whose views are <see langword="null"/>, never an exception.
/// </summary>
public sealed class TableFlowEvent
{
    internal TableFlowEvent(string id, string type, DateTimeOffset timestamp, JsonElement data, FlowRun? flowRun, ExtractionSummary? extraction)
    {
        Id = id;
        Type = type;
        Timestamp = timestamp;
        Data = data;
        FlowRun = flowRun;
        Extraction = extraction;
    }

    /// <summary>The message id (<c>svix-id</c>): the same on every retry of a message, so use it to handle each message once.</summary>
    public string Id { get; }

    /// <summary>
    /// The event type as sent, such as <c>flow.run.completed</c>, <c>flow.run.failed</c> or <c>extraction.completed</c>
    /// (the body's <c>event</c>, or <c>type</c> when it has no <c>event</c>); empty when the body names none.
    /// </summary>
    public string Type { get; }

    /// <summary>When the message was sent (<c>svix-timestamp</c>, which the signature covers).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The body's <c>data</c>, raw; the whole body when it has no <c>data</c> property.</summary>
    public JsonElement Data { get; }

    /// <summary>
    /// The flow run, for a <c>flow.run.*</c> event whose data is a run (a JSON object with an <c>id</c>), read as leniently
    /// as the client reads runs; otherwise <see langword="null"/>.
    /// </summary>
    public FlowRun? FlowRun { get; }

    /// <summary>
    /// The extraction summary, for an <c>extraction.*</c> event whose data names an extraction (has an
    /// <c>extraction_id</c>, or an <c>id</c>), read as leniently as the extraction list; otherwise <see langword="null"/>.
    /// </summary>
    public ExtractionSummary? Extraction { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Webhook {Id}: {(Type.Length == 0 ? "(no type)" : Type)}";
}
