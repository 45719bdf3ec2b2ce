using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TableFlow.Diagnostics;

// The extraction calls as traces, metrics and logs see them. The same rules as for runs: ids, statuses, counts, timings
// and error kinds only; never a file name, a metadata value, a filter or an exception message.
internal sealed partial class ClientTelemetry
{
    public const string ExtractionIdTag = "tableflow.extraction.id";
    public const string TemplateIdTag = "tableflow.template.id";
    public const string ExtractionStatusTag = "tableflow.extraction.status";
    public const string TableKeyTag = "tableflow.table.key";

    private const string ExtractionWaitActivityName = "TableFlow WaitForExtraction";

    /// <summary>Starts the activity of one extraction call, or returns <see langword="null"/> when no listener samples it.</summary>
    public Activity? StartExtractionCall(ApiOperation operation, string? templateId, string? extractionId, string? tableKey = null)
    {
        var activity = StartCall(operation, null, null);
        if (activity is { IsAllDataRequested: true })
        {
            if (templateId is not null) activity.SetTag(TemplateIdTag, templateId);
            if (extractionId is not null) activity.SetTag(ExtractionIdTag, extractionId);
            if (tableKey is not null) activity.SetTag(TableKeyTag, tableKey);
        }

        return activity;
    }

    /// <summary>Tags a call's activity with the extraction it read.</summary>
    public static void TagExtraction(Activity? activity, Extraction extraction)
    {
        if (activity is not { IsAllDataRequested: true }) return;
        if (extraction.Id.Length > 0) activity.SetTag(ExtractionIdTag, extraction.Id);
        if (extraction.TemplateId is { Length: > 0 } templateId) activity.SetTag(TemplateIdTag, templateId);
        activity.SetTag(ExtractionStatusTag, StatusName(extraction.Status));
    }

    /// <summary>The API accepted an upload.</summary>
    public void ExtractionStarted(Activity? activity, Extraction extraction, string templateId)
    {
        TagExtraction(activity, extraction);
        if (Instruments.ExtractionsStarted.Enabled)
        {
            var tags = new TagList { { TemplateIdTag, templateId }, { ServerAddressTag, _serverAddress }, { ServerPortTag, _serverPort } };
            Instruments.ExtractionsStarted.Add(1, tags);
        }

        if (Logger.IsEnabled(LogLevel.Information)) ClientLog.ExtractionStarted(Logger, extraction.Id, templateId, StatusName(extraction.Status));
    }

    /// <summary>An upload failed: no extraction was started, or one may have been (<see cref="TableFlowException.RunMayHaveStarted"/>).</summary>
    public void ExtractionRequestFailed(string templateId, Exception exception)
    {
        if (!Logger.IsEnabled(LogLevel.Warning)) return;
        var mayHaveStarted = exception is TableFlowException { RunMayHaveStarted: true }
            || exception is OperationCanceledException { InnerException: TableFlowException { RunMayHaveStarted: true } };
        if (mayHaveStarted) ClientLog.ExtractionOutcomeUnknown(Logger, templateId, ErrorType(exception));
        else if (exception is not OperationCanceledException) ClientLog.ExtractionRequestFailed(Logger, templateId, ErrorType(exception));
    }

    /// <summary>Starts the activity of an extraction wait (its reads nest under it), or <see langword="null"/> when no listener samples it.</summary>
    public static Activity? StartExtractionWait(string extractionId)
    {
        if (!Instruments.Source.HasListeners()) return null;
        var activity = Instruments.Source.StartActivity(ExtractionWaitActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTag, "WaitForExtraction");
            activity.SetTag(ExtractionIdTag, extractionId);
        }

        return activity;
    }

    /// <summary>A wait read the extraction.</summary>
    public void Polled(Extraction extraction)
    {
        if (Logger.IsEnabled(LogLevel.Debug)) ClientLog.ExtractionWaitPolled(Logger, extraction.Id, StatusName(extraction.Status));
    }

    /// <summary>An extraction wait ended with the extraction in its final status.</summary>
    public void WaitEnded(Activity? activity, Extraction extraction, long startTimestamp)
    {
        TagExtraction(activity, extraction);
        if (Logger.IsEnabled(LogLevel.Information)) ClientLog.ExtractionWaitEnded(Logger, extraction.Id, StatusName(extraction.Status), ElapsedMilliseconds(startTimestamp));
    }

    /// <summary>An extraction wait ended with an exception: a timeout, a failed read, or cancellation.</summary>
    public void ExtractionWaitFailed(Activity? activity, string extractionId, Exception exception, long startTimestamp)
    {
        var errorType = ErrorType(exception);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.SetTag(ErrorTypeTag, errorType);
        }

        if (exception is OperationCanceledException)
        {
            if (Logger.IsEnabled(LogLevel.Debug)) ClientLog.ExtractionWaitCanceled(Logger, extractionId, ElapsedMilliseconds(startTimestamp));
        }
        else if (Logger.IsEnabled(LogLevel.Warning))
        {
            ClientLog.ExtractionWaitFailed(Logger, extractionId, errorType, ElapsedMilliseconds(startTimestamp));
        }
    }

    public static string StatusName(ExtractionStatus status) => status switch
    {
        ExtractionStatus.Created => "created",
        ExtractionStatus.Processing => "processing",
        ExtractionStatus.Completed => "completed",
        ExtractionStatus.Failed => "failed",
        _ => "unknown",
    };
}
