using System;

namespace TableFlow.Testing;

/// <summary>One HTTP request the emulator answered, for tests that count calls (a run request must not be sent twice).</summary>
public sealed class EmulatedRequest
{
    internal EmulatedRequest(DateTimeOffset time, string method, string path, string query, int? statusCode, Fault? fault)
    {
        Time = time;
        Method = method;
        Path = path;
        Query = query;
        StatusCode = statusCode;
        Fault = fault;
    }

    /// <summary>When the request arrived, by the emulator's clock.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The HTTP method, such as <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path, such as <c>/v2/flows/dk4g1tUg1uHLs8YU/run</c>.</summary>
    public string Path { get; }

    /// <summary>The query string including its <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>The status code answered; <see langword="null"/> when no answer was sent (a dropped-connection fault, or the client gave up first).</summary>
    public int? StatusCode { get; }

    /// <summary>The fault injected into this request, if any.</summary>
    public Fault? Fault { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Path}{Query} -> {(StatusCode is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "dropped")}{(Fault is null ? "" : $" (fault: {Fault})")}";
}
