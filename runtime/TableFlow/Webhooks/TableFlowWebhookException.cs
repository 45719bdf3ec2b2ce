using System;

namespace TableFlow;

/// <summary>
/// A webhook message did not pass verification (<see cref="TableFlowWebhook.Verify(byte[], string, string, string)"/>):
/// <see cref="Failure"/> says which check failed. Answer such a request with 400 and do not act on it. The message
/// never contains the secret.
/// </summary>
public sealed class TableFlowWebhookException : TableFlowException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">The check that failed.</param>
    /// <param name="message">What was wrong with the message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TableFlowWebhookException(WebhookFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>The check that failed.</summary>
    public WebhookFailure Failure { get; }
}
