using System;

namespace TableFlow;

/// <summary>
/// A TableFlow call failed: the API could not be reached, answered something that is not what the API documents, or
/// the wait for a run ended. <see cref="TableFlowApiException"/> is thrown when the API answered with an error status.
/// </summary>
/// <remarks>Messages say what was being done and never contain the API key.</remarks>
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
}
