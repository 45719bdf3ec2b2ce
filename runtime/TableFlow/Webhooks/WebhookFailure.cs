namespace TableFlow;

/// <summary>Which check of a webhook message failed; see <see cref="TableFlowWebhookException.Failure"/>.</summary>
public enum WebhookFailure
{
    /// <summary>The message id, timestamp or signature header is missing or empty (or the id or timestamp was sent twice).</summary>
    MissingHeader,

    /// <summary>The timestamp header is not a whole number of unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp is more than the allowed tolerance (five minutes) in the past: a replayed or long-delayed message.</summary>
    TimestampTooOld,

    /// <summary>The timestamp is more than the allowed tolerance (five minutes) in the future.</summary>
    TimestampTooNew,

    /// <summary>The signature header has an entry that is not <c>version,signature</c>.</summary>
    MalformedSignature,

    /// <summary>No <c>v1</c> signature in the header matches the body: a wrong secret, or a changed body, id or timestamp.</summary>
    SignatureMismatch,

    /// <summary>The signature is valid but the body is not JSON.</summary>
    MalformedBody,
}
