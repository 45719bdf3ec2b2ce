using System;
using System.Net;
using System.Text;
using System.Text.Json;
using TableFlow.Json;

namespace TableFlow.Http;

/// <summary>Turns error answers into exceptions whose messages say what happened and what to do, never the key.</summary>
internal static class ApiErrors
{
    /// <summary>How many bytes of a body an exception keeps: enough to diagnose, bounded so a huge page stays out of logs.</summary>
    public const int ExcerptBytes = 2048;

    public static TableFlowApiException Create(ApiResponse response, string what, string? note, SecretRedactor redactor, bool runMayHaveStarted = false)
    {
        string? error = null, detail = null;
        if (!LooksLikeHtml(response))
        {
            try
            {
                var dto = response.Body.Length > 0 ? JsonSerializer.Deserialize(response.Body, TableFlowJsonContext.Default.ErrorDto) : null;
                error = dto?.Error;
                detail = dto?.Message;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                // Not the API's {"error", "message"} shape: the excerpt below carries what there is.
            }
        }

        var status = (int)response.StatusCode;
        var said = (error, detail) switch
        {
            (not null, not null) => $"{error}: {detail}",
            (not null, null) => error,
            (null, not null) => detail,
            _ => response.Body.Length == 0 ? "(empty body)"
                : LooksLikeHtml(response) ? "an HTML page, not the API's JSON (a proxy or gateway may have answered)"
                : Excerpt(response.Body, redactor),
        };
        var message = $"The TableFlow API answered {status} ({response.ReasonPhrase}) {what}: {said.TrimEnd('.')}.{Hint(response)}{(note is null ? "" : " " + note)}";
        return new TableFlowApiException(
            redactor.Redact(message),
            response.StatusCode,
            error is null ? null : redactor.Redact(error),
            detail is null ? null : redactor.Redact(detail),
            response.Body.Length == 0 ? null : Excerpt(response.Body, redactor),
            runMayHaveStarted)
        {
            RetryAfter = response.RetryAfter,
        };
    }

    /// <summary>A 2xx whose body is not the JSON the call expects: says what came instead.</summary>
    public static TableFlowException UnexpectedBody(ApiResponse response, string what, string expected, string? problem, Exception? inner, SecretRedactor redactor, string? note = null, bool runMayHaveStarted = false)
    {
        var status = (int)response.StatusCode;
        string message;
        if (response.Body.Length == 0)
        {
            message = $"The TableFlow API answered {status} {what}, but with an empty body instead of {expected}.";
        }
        else if (LooksLikeHtml(response))
        {
            message = $"The TableFlow API answered {status} {what}, but with an HTML page instead of {expected}: a proxy, firewall or sign-in page may have answered. Check TableFlowClientOptions.BaseAddress. The page starts: {Excerpt(response.Body, redactor)}";
        }
        else
        {
            message = $"The TableFlow API answered {status} {what}, but the body is not {expected}{(problem is null ? "" : $" ({problem.TrimEnd('.')})")}. The body starts: {Excerpt(response.Body, redactor)}";
        }

        if (note is not null) message += " " + note;
        return new TableFlowException(redactor.Redact(message), redactor.SafeInner(inner), runMayHaveStarted);
    }

    /// <summary>
    /// The start of a body as text, about <see cref="ExcerptBytes"/> characters, marked when cut, with the key masked:
    /// the body is redacted before it is cut, so a key that straddles the cut leaves no fragment behind.
    /// </summary>
    public static string Excerpt(byte[] body, SecretRedactor redactor)
    {
        var length = (int)Math.Min(body.Length, (long)ExcerptBytes + redactor.Margin);
        var text = Encoding.UTF8.GetString(body, 0, length);
        var excerpt = redactor.Excerpt(text, ExcerptBytes, out var cut);
        return cut || length < body.Length ? excerpt + $"… ({body.Length} bytes in all)" : excerpt;
    }

    public static bool LooksLikeHtml(ApiResponse response)
    {
        if (response.MediaType is { } type && (type.Equals("text/html", StringComparison.OrdinalIgnoreCase) || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var b in response.Body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue; // whitespace or a UTF-8 BOM
            return b == (byte)'<';
        }

        return false;
    }

    private static string Hint(ApiResponse response)
    {
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " Check the API key (TableFlowClientOptions.ApiKey or TABLEFLOW_API_KEY).",
            HttpStatusCode.Forbidden => " The API key may not have access to this workspace or flow.",
            HttpStatusCode.NotFound => " Check the id, and that it belongs to the API key's workspace.",
            HttpStatusCode.RequestEntityTooLarge => " A file is larger than the flow accepts.",
            _ when status == 429 => response.RetryAfter is { } after
                ? $" The API is rate limiting; it asked to be called again in {Math.Ceiling(after.TotalSeconds)} s."
                : " The API is rate limiting; try again later.",
            _ when status is >= 300 and < 400 => $" The API redirected{(response.Location is null ? "" : $" to {response.Location}")}; redirects are not followed (they would drop the API key or re-send a run), so set TableFlowClientOptions.BaseAddress to the new address.",
            _ when status >= 500 => " The TableFlow service had a problem.",
            _ => "",
        };
    }
}
