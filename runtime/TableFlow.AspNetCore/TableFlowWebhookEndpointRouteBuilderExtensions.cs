using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TableFlow;
using TableFlow.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps TableFlow webhook endpoints: <c>app.MapTableFlowWebhooks("/webhooks/tableflow", (evt, ct) =&gt; …)</c>.</summary>
/// <remarks>
/// <para>
/// The endpoint answers <c>POST</c>. It reads the raw body (at most <see cref="TableFlowWebhookOptions.MaxBodySize"/>,
/// else 413), verifies it with <see cref="TableFlowWebhook"/>, and answers 400 with the reason to a missing, malformed,
/// stale or forged message without calling the handler. A verified message whose id was already handled is answered
/// 204 and dropped (TableFlow retries a message with the same id until it gets a 2xx); one whose first delivery is
/// still being handled is answered 409, so TableFlow tries again later. Otherwise the handler runs and the endpoint
/// answers 204 when it returns, or 500 when it throws (and the message is handled again on its retry).
/// </para>
/// <para>
/// Every handled event is also published to a <see cref="TableFlowEventHub"/> (<see cref="TableFlowWebhookOptions.Events"/>,
/// else the one registered as a service, as <c>AddTableFlow()</c> does), which is then marked as
/// <see cref="TableFlowEventHub.ReceivesWebhooks"/>: a <see cref="TableFlowClient"/> fed by that hub ends
/// <c>WaitForFlowRunAsync</c> on the run's event and polls only as a slow fallback.
/// </para>
/// <para>
/// Answer fast: TableFlow gives up on a delivery after some seconds and retries it. Hand long work to a queue.
/// The handlers are plain delegates (no parameter binding), so the endpoint works the same under Native AOT and
/// trimming; take services from the <see cref="IServiceProvider"/> overload (the request's scope).
/// </para>
/// </remarks>
public static class TableFlowWebhookEndpointRouteBuilderExtensions
{
    /// <summary>Maps a webhook endpoint whose secret comes from configuration (<c>TableFlow:WebhookSecret</c>).</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, such as <c>/webhooks/tableflow</c>.</param>
    /// <param name="handler">Called once per new, verified message with the event and the request's cancellation token.</param>
    /// <returns>A builder for further conventions (authorization, rate limits, …).</returns>
    /// <exception cref="InvalidOperationException">No secret is configured.</exception>
    /// <exception cref="ArgumentException">The configured secret is not a valid webhook secret.</exception>
    public static IEndpointConventionBuilder MapTableFlowWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<TableFlowEvent, CancellationToken, Task> handler)
        => MapTableFlowWebhooks(endpoints, pattern, new TableFlowWebhookOptions(), handler);

    /// <summary>Maps a webhook endpoint whose handler also gets the request's services; the secret comes from configuration (<c>TableFlow:WebhookSecret</c>).</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, such as <c>/webhooks/tableflow</c>.</param>
    /// <param name="handler">Called once per new, verified message with the event, the request's services (its scope) and its cancellation token.</param>
    /// <returns>A builder for further conventions.</returns>
    /// <exception cref="InvalidOperationException">No secret is configured.</exception>
    /// <exception cref="ArgumentException">The configured secret is not a valid webhook secret.</exception>
    public static IEndpointConventionBuilder MapTableFlowWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<TableFlowEvent, IServiceProvider, CancellationToken, Task> handler)
        => MapTableFlowWebhooks(endpoints, pattern, new TableFlowWebhookOptions(), handler);

    /// <summary>Maps a webhook endpoint with explicit options (the secret, limits, clock).</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, such as <c>/webhooks/tableflow</c>.</param>
    /// <param name="options">The settings; a <see langword="null"/> <see cref="TableFlowWebhookOptions.Secret"/> is read from configuration.</param>
    /// <param name="handler">Called once per new, verified message with the event and the request's cancellation token.</param>
    /// <returns>A builder for further conventions.</returns>
    /// <exception cref="InvalidOperationException">No secret is set or configured.</exception>
    /// <exception cref="ArgumentException">The secret is not a valid webhook secret, or a limit is out of range.</exception>
    public static IEndpointConventionBuilder MapTableFlowWebhooks(this IEndpointRouteBuilder endpoints, string pattern, TableFlowWebhookOptions options, Func<TableFlowEvent, CancellationToken, Task> handler)
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        return Map(endpoints, pattern, options, (evt, context) => handler(evt, context.RequestAborted));
    }

    /// <summary>Maps a webhook endpoint with explicit options whose handler also gets the request's services.</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, such as <c>/webhooks/tableflow</c>.</param>
    /// <param name="options">The settings; a <see langword="null"/> <see cref="TableFlowWebhookOptions.Secret"/> is read from configuration.</param>
    /// <param name="handler">Called once per new, verified message with the event, the request's services (its scope) and its cancellation token.</param>
    /// <returns>A builder for further conventions.</returns>
    /// <exception cref="InvalidOperationException">No secret is set or configured.</exception>
    /// <exception cref="ArgumentException">The secret is not a valid webhook secret, or a limit is out of range.</exception>
    public static IEndpointConventionBuilder MapTableFlowWebhooks(this IEndpointRouteBuilder endpoints, string pattern, TableFlowWebhookOptions options, Func<TableFlowEvent, IServiceProvider, CancellationToken, Task> handler)
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        return Map(endpoints, pattern, options, (evt, context) => handler(evt, context.RequestServices, context.RequestAborted));
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, TableFlowWebhookOptions options, Func<TableFlowEvent, HttpContext, Task> handler)
    {
        if (endpoints is null) throw new ArgumentNullException(nameof(endpoints));
        if (pattern is null) throw new ArgumentNullException(nameof(pattern));
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (options.MaxBodySize <= 0) throw new ArgumentException($"MaxBodySize must be positive; it is {options.MaxBodySize}.", nameof(options));
        if (options.DeduplicationCapacity <= 0) throw new ArgumentException($"DeduplicationCapacity must be positive; it is {options.DeduplicationCapacity}.", nameof(options));

        var services = endpoints.ServiceProvider;
        var secret = options.Secret ?? services.GetService<IConfiguration>()?[TableFlowWebhookOptions.SecretConfigurationKey];
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException(
                $"The TableFlow webhook endpoint '{pattern}' has no secret. Set {TableFlowWebhookOptions.SecretConfigurationKey} in configuration " +
                "(TableFlow__WebhookSecret in the environment) or TableFlowWebhookOptions.Secret to the endpoint's signing secret (whsec_…) from the dashboard.");
        }

        var webhook = new TableFlowWebhook(secret, options.TimeProvider);
        var events = options.Events ?? services.GetService<TableFlowEventHub>();
        // Waits of clients fed by this hub (AddTableFlow() gives its client the same one) now rely on the events and
        // poll only as a slow fallback.
        events?.MarkAsReceivingWebhooks();
        var endpoint = new WebhookEndpoint(webhook, options, events, WebhookEndpoint.CreateLogger(services), handler);
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("TableFlow webhooks " + pattern);
    }
}
