using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Extractions;

/// <summary>Helpers for the loopback servers of the extraction tests.</summary>
public static class ExtractionServer
{
    /// <summary>A server that answers every request with one JSON body.</summary>
    public static Task<LoopbackServer> AnsweringAsync(string json, int status = 200)
        => LoopbackServer.StartAsync(c => Respond.Json(c, status, json));

    /// <summary>A query parameter of a recorded request, or null.</summary>
    public static string? QueryValue(RecordedRequest request, string name)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Query);
        return query.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    /// <summary>A query parameter of the current request as an integer, or <paramref name="fallback"/>.</summary>
    public static int QueryInt(HttpContext context, string name, int fallback)
        => int.TryParse(context.Request.Query[name].FirstOrDefault(), out var value) ? value : fallback;

    public static TimeSpan Generous { get; } = TimeSpan.FromSeconds(15);
}
