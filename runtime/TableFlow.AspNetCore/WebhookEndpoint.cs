using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace TableFlow.AspNetCore;

/// <summary>The request pipeline of one mapped webhook endpoint: read, verify, de-duplicate, hand over, answer.</summary>
internal sealed partial class WebhookEndpoint
{
    private readonly TableFlowWebhook _webhook;
    private readonly MessageIdCache _handled;
    private readonly long _maxBodySize;
    private readonly TableFlowEventHub? _events;
    private readonly Func<TableFlowEvent, HttpContext, Task> _handler;
    private readonly ILogger _logger;

    public WebhookEndpoint(TableFlowWebhook webhook, TableFlowWebhookOptions options, TableFlowEventHub? events, ILogger? logger, Func<TableFlowEvent, HttpContext, Task> handler)
    {
        _webhook = webhook;
        _handled = new MessageIdCache(options.DeduplicationCapacity);
        _maxBodySize = options.MaxBodySize;
        _events = events;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_maxBodySize} bytes.").ConfigureAwait(false);
            return;
        }

        TableFlowEvent evt;
        try
        {
            // The core's header reading (svix-* or webhook-*, any case, one id and timestamp) over ASP.NET's headers.
            evt = _webhook.Verify(body, context.Request.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, Values(h.Value))));
        }
        catch (TableFlowWebhookException e)
        {
            LogRefused(_logger, e.Failure, e.Message);
            await AnswerAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
            return;
        }

        switch (_handled.TryBegin(evt.Id))
        {
            case MessageState.Handled:
                LogDuplicate(_logger, evt.Id, evt.Type);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case MessageState.InProgress:
                // Not 2xx: if the first delivery's handler fails, this retry must not have been swallowed.
                await AnswerAsync(context, StatusCodes.Status409Conflict, $"Message {evt.Id} is being handled; retry later.").ConfigureAwait(false);
                return;
        }

        try
        {
            await _handler(evt, context).ConfigureAwait(false);
            _events?.Publish(evt);
        }
        catch (Exception e) when (!(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            _handled.Abandon(evt.Id);
            LogHandlerFailed(_logger, e, evt.Id, evt.Type);
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, $"The handler of message {evt.Id} failed; TableFlow will retry it.").ConfigureAwait(false);
            return;
        }
        catch
        {
            _handled.Abandon(evt.Id);
            throw;
        }

        _handled.Complete(evt.Id);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The whole body, or <see langword="null"/> when it is larger than the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength is { } length && length > _maxBodySize) return null;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = _maxBodySize;

        using var buffer = new MemoryStream(context.Request.ContentLength is { } known ? (int)Math.Min(known, 1 << 20) : 4096);
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxBodySize) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static IEnumerable<string> Values(StringValues values)
    {
        foreach (var value in values)
        {
            if (value is not null) yield return value;
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }

    [LoggerMessage(1, LogLevel.Warning, "Refused a TableFlow webhook ({Failure}): {Reason}")]
    private static partial void LogRefused(ILogger logger, WebhookFailure failure, string reason);

    [LoggerMessage(2, LogLevel.Debug, "Dropped TableFlow webhook message {MessageId} ({EventType}): already handled")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string eventType);

    [LoggerMessage(3, LogLevel.Error, "The handler of TableFlow webhook message {MessageId} ({EventType}) failed; answered 500 so it is retried")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string messageId, string eventType);

    internal static ILogger? CreateLogger(IServiceProvider services)
        => services.GetService<ILoggerFactory>()?.CreateLogger("TableFlow.AspNetCore.Webhooks");
}
