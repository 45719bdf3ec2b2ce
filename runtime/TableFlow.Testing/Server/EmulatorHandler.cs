using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing.Server;

using FlowDefinition = TableFlow.Testing.Flows.FlowDefinition; // not the runtime's public TableFlow.FlowDefinition

/// <summary>Answers every request: faults first, then the bearer key, then the API's endpoints (docs.tableflow.com, API reference).</summary>
internal sealed class EmulatorHandler(EmulatorStore store, FaultInjector faults, TableFlowEmulatorOptions options)
{
    private readonly ExtractionEndpoints _extractions = new(store, options);

    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    // Requests are answered on many threads at once; a caller's TextWriter need not be thread-safe.
    private readonly TextWriter? _log = options.RequestLog is null ? null : TextWriter.Synchronized(options.RequestLog);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var arrived = store.Clock.GetUtcNow();
        var fault = faults.Take(request.Method, path);
        int? status = null;
        var recorded = 0;

        // Recorded before the answer leaves (or the connection drops), so a test that has its answer also sees the
        // request in Requests.
        void Record(int? answered)
        {
            if (Interlocked.Exchange(ref recorded, 1) != 0) return;
            store.Record(new EmulatedRequest(arrived, request.Method, path, request.QueryString.Value ?? "", answered, fault));
            _log?.WriteLine($"{arrived:HH:mm:ss} {request.Method} {path}{request.QueryString.Value} -> {(answered is { } s ? s.ToString(CultureInfo.InvariantCulture) : "dropped")}{(fault is null ? "" : $" (injected {fault})")}");
        }

        context.Response.OnStarting(() =>
        {
            Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            if (fault is { IsAfterProcessing: true })
            {
                status = await ProcessThenFailAsync(context, path, fault, Record).ConfigureAwait(false);
                return;
            }

            if (fault?.Kind == FaultKind.Drop)
            {
                Record(null);
                context.Abort();
                return;
            }

            if (fault?.Kind == FaultKind.Delay) await Task.Delay(fault.Duration, context.RequestAborted).ConfigureAwait(false);
            if (fault?.Kind == FaultKind.Status)
            {
                if (fault.RetryAfter is not null) context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                throw new ApiErrorException(fault.StatusCode, FaultError(fault.StatusCode), $"Injected fault: the emulator answers this request with {fault.StatusCode}.");
            }

            Authorize(request);
            status = await RouteAsync(context, path).ConfigureAwait(false);
        }
        catch (ApiErrorException e)
        {
            status = e.StatusCode;
            await DrainAsync(context).ConfigureAwait(false);
            if (e.StatusCode == 401) context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteJsonAsync(context, e.StatusCode, w => ApiJson.WriteError(w, e.Error, e.Message)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (its timeout during a delay fault, say): there is no one to answer.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emulator bug must still reach the test as a readable answer, not a bare reset.
            status = 500;
            if (!context.Response.HasStarted)
            {
                await WriteJsonAsync(context, 500, w => ApiJson.WriteError(w, "Internal server error", "The emulator failed: " + e)).ConfigureAwait(false);
            }
        }
        finally
        {
            // Only when no answer started: the client went away, or the handler failed after the status was chosen.
            Record(context.Response.HasStarted ? context.Response.StatusCode : status);
        }
    }

    /// <summary>
    /// Processes the request as usual (a run request starts and records its run) with the answer held back, then
    /// loses that answer as the fault says: an error status instead, the answer late, or a dropped connection.
    /// </summary>
    private async Task<int?> ProcessThenFailAsync(HttpContext context, string path, Fault fault, Action<int?> record)
    {
        var realBody = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        int answered;
        try
        {
            Authorize(context.Request);
            answered = await RouteAsync(context, path).ConfigureAwait(false);
        }
        catch (ApiErrorException e)
        {
            // Not processed after all (bad key, unknown flow): answer the error, as without the fault.
            context.Response.Body = realBody;
            if (e.StatusCode == 401) context.Response.Headers.WWWAuthenticate = "Bearer";
            await DrainAsync(context).ConfigureAwait(false);
            await WriteJsonAsync(context, e.StatusCode, w => ApiJson.WriteError(w, e.Error, e.Message)).ConfigureAwait(false);
            return e.StatusCode;
        }
        catch
        {
            context.Response.Body = realBody;
            throw;
        }

        context.Response.Body = realBody;
        switch (fault.Kind)
        {
            case FaultKind.Drop:
                record(null);
                context.Abort();
                return null;
            case FaultKind.Status:
                context.Response.Clear();
                if (fault.RetryAfter is not null) context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await WriteJsonAsync(context, fault.StatusCode, w => ApiJson.WriteError(w, FaultError(fault.StatusCode), $"Injected fault: the emulator processed this request, then answered {fault.StatusCode}.")).ConfigureAwait(false);
                return fault.StatusCode;
            default:
                await Task.Delay(fault.Duration, context.RequestAborted).ConfigureAwait(false);
                held.Position = 0;
                await held.CopyToAsync(realBody, context.RequestAborted).ConfigureAwait(false);
                return answered;
        }
    }

    /// <summary>
    /// The path's segments, each percent-decoded once: split from the raw request target, because the server's decoded
    /// path keeps <c>%2F</c> and would split a table key such as <c>a/b</c> (sent as <c>a%2Fb</c>) differently.
    /// </summary>
    private static string[] Segments(HttpContext context, string path)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith('/')) return path.Trim('/').Split('/');
        var end = raw.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? raw : raw.Substring(0, end)).Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++) segments[i] = Uri.UnescapeDataString(segments[i]);
        return segments;
    }

    private async Task<int> RouteAsync(HttpContext context, string path)
    {
        var segments = Segments(context, path);
        var method = context.Request.Method;
        var get = HttpMethods.IsGet(method);
        if (segments.Length >= 2 && segments[0] == "v2" && segments[1] == "flows")
        {
            switch (segments.Length)
            {
                case 2 when get:
                    return await ListFlowsAsync(context).ConfigureAwait(false);
                case 3 when segments[2] == "runs" && get:
                    return await ListRunsAsync(context).ConfigureAwait(false);
                case 4 when segments[3] == "run" && HttpMethods.IsPost(method):
                    return await RunFlowAsync(context, segments[2]).ConfigureAwait(false);
                case 4 when segments[2] == "runs" && get:
                    return await GetRunAsync(context, segments[3]).ConfigureAwait(false);
                case 4 when segments[3] == "runs" && get:
                    return await ListFlowRunsAsync(context, segments[2]).ConfigureAwait(false);
                case 2:
                case 3 when segments[2] == "runs":
                case 4 when segments[2] == "runs" || segments[3] == "runs" || segments[3] == "run":
                    var allowed = segments.Length == 4 && segments[3] == "run" ? "POST" : "GET";
                    context.Response.Headers.Allow = allowed;
                    throw new ApiErrorException(405, "Method not allowed", $"{method} is not allowed on {path}; use {allowed}.");
            }
        }

        if (segments.Length >= 2 && segments[0] == "v2" && segments[1] == "extractions")
        {
            return await _extractions.RouteAsync(context, segments).ConfigureAwait(false);
        }

        throw ApiErrorException.NotFound($"The emulator has no endpoint {method} {path}.");
    }

    private async Task<int> RunFlowAsync(HttpContext context, string flowId)
    {
        var flow = RequireFlow(flowId);
        if (!flow.Active) throw ApiErrorException.BadRequest($"Flow '{flowId}' is not active; activate it before running it.");
        var received = await RunRequestReader.ReadAsync(context.Request, flow, context.RequestAborted).ConfigureAwait(false);
        var now = store.Clock.GetUtcNow();
        var run = new EmulatedRun(store.NewId(), flow.Id, now, store.Clock, received.Name, received.Metadata, received.MetadataJson, received.Fields);
        var outcome = flow.ChooseOutcome?.Invoke(run) ?? flow.Outcome;
        run.Plan(outcome, outcome.ProcessingTime ?? flow.ProcessingTime ?? options.ProcessingTime);
        store.AddRun(run);
        await WriteJsonAsync(context, 200, w => ApiJson.WriteRun(w, run, now, options.WorkspaceId, null, asStarted: true)).ConfigureAwait(false);
        return 200;
    }

    private async Task<int> GetRunAsync(HttpContext context, string runId)
    {
        if (FlowNames.IdProblem(runId) is { } problem) throw ApiErrorException.BadRequest($"The run id '{FlowNames.Printable(runId)}' is not valid: {problem}.");
        var run = store.FindRun(runId) ?? throw ApiErrorException.NotFound($"Flow run '{runId}' was not found.");
        var flow = store.FindFlow(run.FlowId);
        var now = store.Clock.GetUtcNow();
        await WriteJsonAsync(context, 200, w => ApiJson.WriteRun(w, run, now, options.WorkspaceId, flow)).ConfigureAwait(false);
        return 200;
    }

    private async Task<int> ListRunsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var status = Single(query, "status");
        if (status is not null && status is not ("processing" or "review" or "completed" or "failed"))
        {
            throw ApiErrorException.BadRequest($"The parameter 'status' must be processing, review, completed or failed; it was '{status}'.");
        }

        var flowId = Single(query, "flow_id");
        var limit = Math.Min(Number(query, "limit", DefaultLimit, min: 1), MaxLimit);
        var offset = Number(query, "offset", 0, min: 0);
        var now = store.Clock.GetUtcNow();
        var matching = new List<EmulatedRun>();
        foreach (var run in NewestFirst(store.Runs()))
        {
            if (flowId is not null && run.FlowId != flowId) continue;
            if (status is not null && ApiJson.StatusText(run.Current(now).Status) != status) continue;
            matching.Add(run);
        }

        var page = offset >= matching.Count ? new List<EmulatedRun>() : matching.GetRange(offset, Math.Min(limit, matching.Count - offset));
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("flow_runs");
            ApiJson.WriteRuns(w, page, now, options.WorkspaceId);
            w.WriteStartObject("pagination");
            w.WriteNumber("total", matching.Count);
            w.WriteNumber("limit", limit);
            w.WriteNumber("offset", offset);
            if (offset + page.Count < matching.Count) w.WriteNumber("next_offset", offset + page.Count);
            else w.WriteNull("next_offset");
            w.WriteString("filter", status ?? "all");
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
        return 200;
    }

    private async Task<int> ListFlowRunsAsync(HttpContext context, string flowId)
    {
        var flow = RequireFlow(flowId);
        var runs = new List<EmulatedRun>();
        foreach (var run in NewestFirst(store.Runs()))
        {
            if (run.FlowId == flow.Id) runs.Add(run);
        }

        var now = store.Clock.GetUtcNow();
        await WriteJsonAsync(context, 200, w => ApiJson.WriteRuns(w, runs, now, options.WorkspaceId)).ConfigureAwait(false);
        return 200;
    }

    private async Task<int> ListFlowsAsync(HttpContext context)
    {
        var flows = store.Flows();
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartArray();
            foreach (var flow in flows)
            {
                if (flow.Active) ApiJson.WriteFlow(w, flow, options.WorkspaceId);
            }

            w.WriteEndArray();
        }).ConfigureAwait(false);
        return 200;
    }

    private FlowDefinition RequireFlow(string flowId)
    {
        if (FlowNames.IdProblem(flowId) is { } problem) throw ApiErrorException.BadRequest($"The flow id '{FlowNames.Printable(flowId)}' is not valid: {problem}.");
        return store.FindFlow(flowId) ?? throw ApiErrorException.NotFound($"Flow '{flowId}' was not found in this workspace.");
    }

    private void Authorize(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw new ApiErrorException(401, "Unauthorized", "Missing API key: send the header 'Authorization: Bearer <API key>'.");
        }

        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiErrorException(401, "Unauthorized", "The Authorization header must use the Bearer scheme: 'Authorization: Bearer <API key>'.");
        }

        if (!string.Equals(header.Substring(scheme.Length).Trim(), options.ApiKey, StringComparison.Ordinal))
        {
            throw new ApiErrorException(401, "Unauthorized", "Invalid API key.");
        }
    }

    private static IEnumerable<EmulatedRun> NewestFirst(EmulatedRun[] runs)
    {
        // Runs are stored in acceptance order, so newest first is the reverse; it stays stable when a fake clock
        // gives several runs the same time.
        for (var i = runs.Length - 1; i >= 0; i--) yield return runs[i];
    }

    internal static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0])) return null;
        if (values.Count > 1) throw ApiErrorException.BadRequest($"The parameter '{name}' was given {values.Count} times.");
        return values[0];
    }

    internal static int Number(IQueryCollection query, string name, int fallback, int min)
    {
        var text = Single(query, name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw ApiErrorException.BadRequest($"The parameter '{name}' must be a whole number of at least {min}; it was '{text}'.");
        }

        return value;
    }

    private static string FaultError(int statusCode) => statusCode switch
    {
        429 => "Too many requests",
        500 => "Internal server error",
        502 => "Bad gateway",
        503 => "Service unavailable",
        504 => "Gateway timeout",
        _ => "Error",
    };

    private static async Task DrainAsync(HttpContext context)
    {
        // Read what is left of a refused upload, so the client gets the error answer instead of a reset connection.
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The body is gone or unreadable; the answer is still worth trying.
        }
    }

    internal static async Task WriteJsonAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write)
    {
        var body = JsonText.WriteUtf8(write);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
