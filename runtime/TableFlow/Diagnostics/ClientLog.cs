using System;
using Microsoft.Extensions.Logging;

namespace TableFlow.Diagnostics;

/// <summary>
/// The client's log events (category <c>TableFlow.TableFlowClient</c>). Their ids are stable (docs/design-notes.md lists
/// them); messages carry ids, statuses and timings only, never the key, file names or contents, or metadata values.
/// </summary>
internal static partial class ClientLog
{
    public const string Category = "TableFlow.TableFlowClient";

    [LoggerMessage(EventId = 1001, EventName = "RunStarted", Level = LogLevel.Information,
        Message = "Started flow run {RunId} of flow {FlowId} (status {RunStatus}).")]
    public static partial void RunStarted(ILogger logger, string flowId, string runId, string runStatus);

    [LoggerMessage(EventId = 1002, EventName = "RunRequestFailed", Level = LogLevel.Warning,
        Message = "A run request for flow {FlowId} failed ({ErrorType}); the API did not start a run.")]
    public static partial void RunRequestFailed(ILogger logger, string flowId, string errorType);

    [LoggerMessage(EventId = 1003, EventName = "RunOutcomeUnknown", Level = LogLevel.Warning,
        Message = "A run request for flow {FlowId} failed ({ErrorType}) after it was sent: the API may have started the run (RunMayHaveStarted). Look for it before running the flow again.")]
    public static partial void RunOutcomeUnknown(ILogger logger, string flowId, string errorType);

    [LoggerMessage(EventId = 1010, EventName = "RequestRetried", Level = LogLevel.Warning,
        Message = "{Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms.")]
    public static partial void RequestRetried(ILogger logger, string operation, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 1020, EventName = "WaitPolled", Level = LogLevel.Debug,
        Message = "Polled flow run {RunId}: {RunStatus}.")]
    public static partial void WaitPolled(ILogger logger, string runId, string runStatus);

    [LoggerMessage(EventId = 1021, EventName = "WaitEnded", Level = LogLevel.Information,
        Message = "Flow run {RunId} ended the wait as {RunStatus} after {ElapsedMs} ms.")]
    public static partial void WaitEnded(ILogger logger, string runId, string runStatus, double elapsedMs);

    [LoggerMessage(EventId = 1022, EventName = "WaitFailed", Level = LogLevel.Warning,
        Message = "Waiting for flow run {RunId} ended without an outcome ({ErrorType}) after {ElapsedMs} ms.")]
    public static partial void WaitFailed(ILogger logger, string runId, string errorType, double elapsedMs);

    [LoggerMessage(EventId = 1023, EventName = "WaitCanceled", Level = LogLevel.Debug,
        Message = "Waiting for flow run {RunId} was canceled after {ElapsedMs} ms.")]
    public static partial void WaitCanceled(ILogger logger, string runId, double elapsedMs);

    [LoggerMessage(EventId = 1101, EventName = "ExtractionStarted", Level = LogLevel.Information,
        Message = "Started extraction {ExtractionId} with template {TemplateId} (status {ExtractionStatus}).")]
    public static partial void ExtractionStarted(ILogger logger, string extractionId, string templateId, string extractionStatus);

    [LoggerMessage(EventId = 1102, EventName = "ExtractionRequestFailed", Level = LogLevel.Warning,
        Message = "An upload for extraction with template {TemplateId} failed ({ErrorType}); the API did not start an extraction.")]
    public static partial void ExtractionRequestFailed(ILogger logger, string templateId, string errorType);

    [LoggerMessage(EventId = 1103, EventName = "ExtractionOutcomeUnknown", Level = LogLevel.Warning,
        Message = "An upload for extraction with template {TemplateId} failed ({ErrorType}) after it was sent: the API may have started the extraction (RunMayHaveStarted). Look for it before uploading again.")]
    public static partial void ExtractionOutcomeUnknown(ILogger logger, string templateId, string errorType);

    [LoggerMessage(EventId = 1120, EventName = "ExtractionWaitPolled", Level = LogLevel.Debug,
        Message = "Polled extraction {ExtractionId}: {ExtractionStatus}.")]
    public static partial void ExtractionWaitPolled(ILogger logger, string extractionId, string extractionStatus);

    [LoggerMessage(EventId = 1121, EventName = "ExtractionWaitEnded", Level = LogLevel.Information,
        Message = "Extraction {ExtractionId} ended the wait as {ExtractionStatus} after {ElapsedMs} ms.")]
    public static partial void ExtractionWaitEnded(ILogger logger, string extractionId, string extractionStatus, double elapsedMs);

    [LoggerMessage(EventId = 1122, EventName = "ExtractionWaitFailed", Level = LogLevel.Warning,
        Message = "Waiting for extraction {ExtractionId} ended without an outcome ({ErrorType}) after {ElapsedMs} ms.")]
    public static partial void ExtractionWaitFailed(ILogger logger, string extractionId, string errorType, double elapsedMs);

    [LoggerMessage(EventId = 1123, EventName = "ExtractionWaitCanceled", Level = LogLevel.Debug,
        Message = "Waiting for extraction {ExtractionId} was canceled after {ElapsedMs} ms.")]
    public static partial void ExtractionWaitCanceled(ILogger logger, string extractionId, double elapsedMs);
}
