using System;
using System.Net;

namespace TableFlow.Http;

/// <summary>An answer of the API, read whole: status, body and the headers the client acts on.</summary>
internal sealed class ApiResponse
{
    public ApiResponse(HttpStatusCode statusCode, string? reasonPhrase, string? mediaType, byte[] body, TimeSpan? retryAfter, Uri? location)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        MediaType = mediaType;
        Body = body;
        RetryAfter = retryAfter;
        Location = location;
    }

    public HttpStatusCode StatusCode { get; }

    public string? ReasonPhrase { get; }

    /// <summary>The media type of the body (<c>application/json</c>, <c>text/html</c>, …), when the server said.</summary>
    public string? MediaType { get; }

    public byte[] Body { get; }

    /// <summary>The wait the API asked for with <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Where a redirect pointed, if the answer was one.</summary>
    public Uri? Location { get; }

    /// <summary>
    /// A successful answer whose body was left unread for streaming (<see cref="ApiRequestSender.GetStreamAsync"/>);
    /// whoever takes it disposes it. <see langword="null"/> for answers read whole.
    /// </summary>
    public System.Net.Http.HttpResponseMessage? Unread { get; init; }

    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;
}
