using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TableFlow.Tests.Infrastructure;

/// <summary>Scripted answers for <see cref="LoopbackServer"/> handlers.</summary>
public static class Respond
{
    public static Task Json(HttpContext context, int status, string json, string? retryAfter = null)
        => Text(context, status, "application/json", json, retryAfter);

    public static Task Html(HttpContext context, int status, string html)
        => Text(context, status, "text/html; charset=utf-8", html);

    public static async Task Text(HttpContext context, int status, string contentType, string body, string? retryAfter = null)
    {
        // The request body is read first, as a real server does, so the client never sees a reset mid-upload.
        await Drain(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }

    /// <summary>Reads the request body to its end and counts its bytes, keeping none of them.</summary>
    public static async Task<long> Drain(HttpContext context)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0) total += read;
        return total;
    }

    /// <summary>Reads the whole request, then drops the connection without answering: a hang-up.</summary>
    public static async Task HangUp(HttpContext context)
    {
        await Drain(context);
        context.Abort();
    }

    /// <summary>Answers after a delay (or when the client gives up and the request is aborted).</summary>
    public static async Task Slowly(HttpContext context, TimeSpan delay, string json)
    {
        await Drain(context);
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Json(context, 200, json);
    }
}
