using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TableFlow.Diagnostics;

/// <summary>
/// One client's logs, traces and metrics. Each method first asks whether anyone listens (the logger's level, the
/// source's listeners, the instrument's <c>Enabled</c>), so with nothing attached the calls cost a few checks and no
/// allocation.
/// </summary>
/// <remarks>
/// Tags and log arguments are ids, statuses, counts, timings and error kinds. Never the key, a file's name or content,
/// a metadata value or an exception message (which may name a file).
/// </remarks>
internal sealed partial class ClientTelemetry
{
    public const string OperationTag = "tableflow.operation";
    public const string FlowIdTag = "tableflow.flow.id";
    public const string RunIdTag = "tableflow.run.id";
    public const string RunStatusTag = "tableflow.run.status";
    public const string RetryCountTag = "tableflow.retry.count";
    public const string ErrorTypeTag = "error.type";
    public const string MethodTag = "http.request.method";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string UrlTemplateTag = "url.template";

    private const string WaitActivityName = "TableFlow WaitForFlowRun";

    private readonly string _serverAddress;
    private readonly int _serverPort;

    public ClientTelemetry(ILoggerFactory? loggerFactory, Uri baseAddress)
    {
        Logger = loggerFactory?.CreateLogger(ClientLog.Category) ?? NullLogger.Instance;
        _serverAddress = baseAddress.Host;
        _serverPort = baseAddress.Port;
    }

    public ILogger Logger { get; }

    /// <summary>Starts the activity of one API call, or returns <see langword="null"/> when no listener samples it.</summary>
    public Activity? StartCall(ApiOperation operation, string? flowId, string? runId)
    {
        if (!Instruments.Source.HasListeners()) return null;
        var activity = Instruments.Source.StartActivity(operation.ActivityName, ActivityKind.Client);
        if (activity is null) return null;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(OperationTag, operation.Name);
            activity.SetTag(MethodTag, operation.Method);
            activity.SetTag(UrlTemplateTag, operation.UrlTemplate);
            activity.SetTag(ServerAddressTag, _serverAddress);
            activity.SetTag(ServerPortTag, _serverPort);
            if (flowId is not null) activity.SetTag(FlowIdTag, flowId);
            if (runId is not null) activity.SetTag(RunIdTag, runId);
        }

        return activity;
    }

    /// <summary>A failed attempt is about to be sent again after <paramref name="delay"/>.</summary>
    public void Retrying(ApiOperation operation, Activity? activity, int attempt, string reason, TimeSpan delay)
    {
        activity?.SetTag(RetryCountTag, attempt);
        if (Instruments.Retries.Enabled)
        {
            var tags = new TagList
            {
                { OperationTag, operation.Name },
                { ErrorTypeTag, reason },
                { ServerAddressTag, _serverAddress },
                { ServerPortTag, _serverPort },
            };
            Instruments.Retries.Add(1, tags);
        }

        if (Logger.IsEnabled(LogLevel.Warning)) ClientLog.RequestRetried(Logger, operation.Name, attempt, reason, delay.TotalMilliseconds);
    }

    /// <summary>An API call ended with an answer that passed.</summary>
    public void CallSucceeded(ApiOperation operation, Activity? activity, long startTimestamp, int statusCode)
    {
        if (activity is not null)
        {
            activity.SetTag(StatusCodeTag, statusCode);
            if (activity.GetTagItem(RetryCountTag) is null) activity.SetTag(RetryCountTag, 0);
        }

        if (Instruments.RequestDuration.Enabled) RecordDuration(operation, startTimestamp, statusCode, null);
    }

    /// <summary>An API call ended with an exception.</summary>
    public void CallFailed(ApiOperation operation, Activity? activity, long startTimestamp, Exception exception)
    {
        if (activity is null && !Instruments.RequestDuration.Enabled) return;
        var errorType = ErrorType(exception);
        int? statusCode = exception is TableFlowApiException api ? (int)api.StatusCode : null;
        if (activity is not null)
        {
            // The status carries the error's kind, not the exception's message: a message may name a caller's file.
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.SetTag(ErrorTypeTag, errorType);
            if (statusCode is not null) activity.SetTag(StatusCodeTag, statusCode.Value);
            if (activity.GetTagItem(RetryCountTag) is null) activity.SetTag(RetryCountTag, 0);
        }

        if (Instruments.RequestDuration.Enabled) RecordDuration(operation, startTimestamp, statusCode, errorType);
    }

    /// <summary>The API accepted a run request.</summary>
    public void RunStarted(Activity? activity, string flowId, FlowRun run)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RunIdTag, run.Id);
            activity.SetTag(RunStatusTag, StatusName(run.Status));
        }

        if (Instruments.RunsStarted.Enabled)
        {
            var tags = new TagList { { FlowIdTag, flowId }, { ServerAddressTag, _serverAddress }, { ServerPortTag, _serverPort } };
            Instruments.RunsStarted.Add(1, tags);
        }

        if (Logger.IsEnabled(LogLevel.Information)) ClientLog.RunStarted(Logger, flowId, run.Id, StatusName(run.Status));
    }

    /// <summary>Tags a read's activity with the run's flow and status.</summary>
    public static void TagRun(Activity? activity, FlowRun run)
    {
        if (activity is not { IsAllDataRequested: true }) return;
        if (run.FlowId is { Length: > 0 } flowId) activity.SetTag(FlowIdTag, flowId);
        activity.SetTag(RunStatusTag, StatusName(run.Status));
    }

    /// <summary>A run request failed: the run was not started, or may have been (<see cref="TableFlowException.RunMayHaveStarted"/>).</summary>
    public void RunRequestFailed(string flowId, Exception exception)
    {
        var mayHaveStarted = exception is TableFlowException { RunMayHaveStarted: true }
            || exception is OperationCanceledException { InnerException: TableFlowException { RunMayHaveStarted: true } };
        if (mayHaveStarted && Instruments.RunOutcomes.Enabled)
        {
            var tags = new TagList { { RunStatusTag, "unknown" }, { FlowIdTag, flowId }, { ServerAddressTag, _serverAddress }, { ServerPortTag, _serverPort } };
            Instruments.RunOutcomes.Add(1, tags);
        }

        if (!Logger.IsEnabled(LogLevel.Warning)) return;
        if (mayHaveStarted) ClientLog.RunOutcomeUnknown(Logger, flowId, ErrorType(exception));
        else if (exception is not OperationCanceledException) ClientLog.RunRequestFailed(Logger, flowId, ErrorType(exception));
    }

    /// <summary>Starts the activity of a wait (its reads nest under it), or returns <see langword="null"/> when no listener samples it.</summary>
    public static Activity? StartWait(string runId)
    {
        if (!Instruments.Source.HasListeners()) return null;
        var activity = Instruments.Source.StartActivity(WaitActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTag, "WaitForFlowRun");
            activity.SetTag(RunIdTag, runId);
        }

        return activity;
    }

    /// <summary>A wait read the run.</summary>
    public void Polled(FlowRun run)
    {
        if (Logger.IsEnabled(LogLevel.Debug)) ClientLog.WaitPolled(Logger, run.Id, StatusName(run.Status));
    }

    /// <summary>A wait ended with the run in <paramref name="run"/>'s status.</summary>
    public void WaitEnded(Activity? activity, FlowRun run, long startTimestamp)
    {
        var status = StatusName(run.Status);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RunStatusTag, status);
            if (run.FlowId is { Length: > 0 } flowId) activity.SetTag(FlowIdTag, flowId);
        }

        if (Instruments.RunOutcomes.Enabled)
        {
            var tags = new TagList { { RunStatusTag, status }, { ServerAddressTag, _serverAddress }, { ServerPortTag, _serverPort } };
            if (run.FlowId is { Length: > 0 } flowId) tags.Add(FlowIdTag, flowId);
            Instruments.RunOutcomes.Add(1, tags);
        }

        if (Logger.IsEnabled(LogLevel.Information)) ClientLog.WaitEnded(Logger, run.Id, status, ElapsedMilliseconds(startTimestamp));
    }

    /// <summary>A wait ended with an exception: a timeout, a failed read, or cancellation.</summary>
    public void WaitFailed(Activity? activity, string runId, Exception exception, long startTimestamp)
    {
        var errorType = ErrorType(exception);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.SetTag(ErrorTypeTag, errorType);
        }

        if (exception is OperationCanceledException)
        {
            if (Logger.IsEnabled(LogLevel.Debug)) ClientLog.WaitCanceled(Logger, runId, ElapsedMilliseconds(startTimestamp));
        }
        else if (Logger.IsEnabled(LogLevel.Warning))
        {
            ClientLog.WaitFailed(Logger, runId, errorType, ElapsedMilliseconds(startTimestamp));
        }
    }

    /// <summary>
    /// The <c>error.type</c> of a failure, low in cardinality: the HTTP status of an API error, <c>timeout</c>,
    /// <c>connection_error</c>, <c>wait_timeout</c>, or the exception's type name.
    /// </summary>
    public static string ErrorType(Exception exception)
    {
        switch (exception)
        {
            case TableFlowApiException api:
                return ((int)api.StatusCode).ToString(CultureInfo.InvariantCulture);
            case FlowRunWaitTimeoutException or ExtractionWaitTimeoutException:
                return "wait_timeout";
            case TableFlowException e when e.IsTimeout || Find<OperationCanceledException>(e) is not null || Find<TimeoutException>(e) is not null:
                return "timeout";
            case TableFlowException e when Find<HttpRequestException>(e) is not null || Find<IOException>(e) is not null || Find<SocketException>(e) is not null:
                return "connection_error";
            default:
                return exception.GetType().FullName ?? exception.GetType().Name;
        }
    }

    /// <summary>A reason for a retry, in the same words as <see cref="ErrorType"/>.</summary>
    public static string RetryReason(Http.AttemptOutcome outcome, int? statusCode) => outcome switch
    {
        Http.AttemptOutcome.TooManyRequests or Http.AttemptOutcome.ServerError when statusCode is { } code => code.ToString(CultureInfo.InvariantCulture),
        Http.AttemptOutcome.Timeout => "timeout",
        _ => "connection_error",
    };

    public static string StatusName(FlowRunStatus status) => status switch
    {
        FlowRunStatus.Completed => "completed",
        FlowRunStatus.Failed => "failed",
        FlowRunStatus.Review => "review",
        FlowRunStatus.Processing => "processing",
        _ => "unknown",
    };

    private void RecordDuration(ApiOperation operation, long startTimestamp, int? statusCode, string? errorType)
    {
        var tags = new TagList
        {
            { OperationTag, operation.Name },
            { MethodTag, operation.Method },
            { ServerAddressTag, _serverAddress },
            { ServerPortTag, _serverPort },
        };
        if (statusCode is not null) tags.Add(StatusCodeTag, statusCode.Value);
        if (errorType is not null) tags.Add(ErrorTypeTag, errorType);
        Instruments.RequestDuration.Record(ElapsedSeconds(startTimestamp), tags);
    }

    public static long Timestamp() => Stopwatch.GetTimestamp();

    private static double ElapsedSeconds(long startTimestamp) => (Stopwatch.GetTimestamp() - startTimestamp) / (double)Stopwatch.Frequency;

    private static double ElapsedMilliseconds(long startTimestamp) => Math.Round(ElapsedSeconds(startTimestamp) * 1000, 1);

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }
}
