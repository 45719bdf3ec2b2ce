using System;

namespace TableFlow.Testing;

/// <summary>One attempt of the emulator to deliver a webhook message (<see cref="EmulatorWebhooks.Deliveries"/>).</summary>
public sealed class EmulatedWebhookDelivery
{
    internal EmulatedWebhookDelivery(string messageId, string eventType, string? runId, string? extractionId, Uri url, int attempt, DateTimeOffset sentAt, int? statusCode, string? error)
    {
        MessageId = messageId;
        EventType = eventType;
        RunId = runId;
        ExtractionId = extractionId;
        Url = url;
        Attempt = attempt;
        SentAt = sentAt;
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The message id (<c>svix-id</c>), the same on every attempt of one message.</summary>
    public string MessageId { get; }

    /// <summary>The event type: <c>flow.run.completed</c>, <c>flow.run.failed</c>, or <c>extraction.created</c>, <c>.processing</c>, <c>.completed</c>, <c>.failed</c>.</summary>
    public string EventType { get; }

    /// <summary>The run the message is about; <see langword="null"/> for an <c>extraction.*</c> event.</summary>
    public string? RunId { get; }

    /// <summary>The extraction the message is about; <see langword="null"/> for a <c>flow.run.*</c> event.</summary>
    public string? ExtractionId { get; }

    /// <summary>Where it was sent.</summary>
    public Uri Url { get; }

    /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
    public int Attempt { get; }

    /// <summary>When it was sent (real time: the <c>svix-timestamp</c> it carried).</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>The answer's status code, or <see langword="null"/> when there was none (connection refused, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>Why there was no answer, when there was none.</summary>
    public string? Error { get; }

    /// <summary>Whether the endpoint answered 2xx, which ends the message's retries.</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;

    /// <inheritdoc/>
    public override string ToString() => $"{EventType} {MessageId} ({(RunId is null ? "extraction " + ExtractionId : "run " + RunId)}) → {Url}, attempt {Attempt}: {(StatusCode is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : Error)}";
}
