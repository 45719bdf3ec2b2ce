using System;
using System.Net;

namespace TableFlow;

/// <summary>The TableFlow API answered a request with an error status (anything but 2xx).</summary>
public class TableFlowApiException : TableFlowException
{
    /// <summary>Creates an exception for an error answer.</summary>
    /// <param name="message">What went wrong, and what to do about it.</param>
    /// <param name="statusCode">The HTTP status the API answered.</param>
    /// <param name="error">The API's short error (<c>error</c> in its JSON body), when it sent one.</param>
    /// <param name="apiMessage">The API's detail message (<c>message</c> in its JSON body), when it sent one.</param>
    /// <param name="responseBody">A bounded excerpt of the body the API sent.</param>
    public TableFlowApiException(string message, HttpStatusCode statusCode, string? error, string? apiMessage, string? responseBody)
        : this(message, statusCode, error, apiMessage, responseBody, runMayHaveStarted: false)
    {
    }

    /// <summary>Creates an exception for an error answer to a run request, saying whether the run may have started.</summary>
    /// <param name="message">What went wrong, and what to do about it.</param>
    /// <param name="statusCode">The HTTP status the API answered.</param>
    /// <param name="error">The API's short error (<c>error</c> in its JSON body), when it sent one.</param>
    /// <param name="apiMessage">The API's detail message (<c>message</c> in its JSON body), when it sent one.</param>
    /// <param name="responseBody">A bounded excerpt of the body the API sent.</param>
    /// <param name="runMayHaveStarted">Whether the run may have started although the API answered an error (after a 5xx).</param>
    public TableFlowApiException(string message, HttpStatusCode statusCode, string? error, string? apiMessage, string? responseBody, bool runMayHaveStarted)
        : base(message, null, runMayHaveStarted)
    {
        StatusCode = statusCode;
        Error = error;
        ApiMessage = apiMessage;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status the API answered, such as 400 or 401.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The API's short error, such as <c>Invalid parameters</c>, when its body carried one.</summary>
    public string? Error { get; }

    /// <summary>The API's detail message, such as <c>The parameter 'template_id' is required</c>, when its body carried one.</summary>
    public string? ApiMessage { get; }

    /// <summary>
    /// The wait the API asked for with <c>Retry-After</c> (after a 429 or 503, say), when it sent one. The client has
    /// already retried as far as <see cref="TableFlowClientOptions.MaxRetries"/> allows; this tells when to try again.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The start of the body the API sent (at most a few kilobytes), for diagnosis.</summary>
    public string? ResponseBody { get; }
}
