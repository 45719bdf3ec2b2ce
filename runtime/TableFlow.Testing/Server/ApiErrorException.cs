using System;

namespace TableFlow.Testing.Server;

/// <summary>An error answer in the API's shape, <c>{"error": "...", "message": "..."}</c>, thrown where it is found.</summary>
internal sealed class ApiErrorException(int statusCode, string error, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Error { get; } = error;

    public static ApiErrorException BadRequest(string message) => new(400, "Invalid parameters", message);

    public static ApiErrorException NotFound(string message) => new(404, "Not found", message);
}
