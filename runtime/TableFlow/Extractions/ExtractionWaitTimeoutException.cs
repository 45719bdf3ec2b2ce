using System;

namespace TableFlow;

/// <summary>
/// A wait for an extraction (<see cref="TableFlowClient.WaitForExtractionAsync"/>) ran out of time before the extraction
/// ended. The extraction itself goes on: wait again, or read it later.
/// </summary>
public class ExtractionWaitTimeoutException : TableFlowException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, and what to do about it.</param>
    /// <param name="extractionId">The id of the extraction that was waited for.</param>
    /// <param name="lastExtraction">The extraction as last read, or <see langword="null"/> when no read succeeded.</param>
    /// <param name="innerException">The error of the last read when it failed, or <see langword="null"/>.</param>
    public ExtractionWaitTimeoutException(string message, string extractionId, Extraction? lastExtraction, Exception? innerException = null)
        : base(message, innerException)
    {
        ExtractionId = extractionId;
        LastExtraction = lastExtraction;
    }

    /// <summary>The id of the extraction that was waited for.</summary>
    public string ExtractionId { get; }

    /// <summary>The extraction as it was last read, or <see langword="null"/> when no read succeeded before the time ran out.</summary>
    public Extraction? LastExtraction { get; }
}
