using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TableFlow;
using TableFlow.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds TableFlow to a service collection: <c>builder.Services.AddTableFlow().AddFlow&lt;PoReconciliation&gt;()</c>.</summary>
public static class TableFlowServiceCollectionExtensions
{
    /// <summary>The configuration section the options are read from: <c>TableFlow</c> (<c>TableFlow:ApiKey</c>, <c>TableFlow__ApiKey</c> in the environment).</summary>
    public const string ConfigurationSectionName = "TableFlow";

    /// <summary>
    /// The name of the <see cref="HttpClient"/> the registered <see cref="TableFlowClient"/> sends through. Add your own
    /// message handlers to it with <c>services.AddHttpClient(TableFlowServiceCollectionExtensions.HttpClientName)…</c>.
    /// </summary>
    public const string HttpClientName = "TableFlow";

    /// <summary>How long a pooled connection is reused before it is replaced, so DNS changes are picked up.</summary>
    internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers one <see cref="TableFlowClient"/> (a singleton) and its <see cref="TableFlowClientOptions"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The options are read from the <c>TableFlow</c> section of the app's <see cref="IConfiguration"/> (<c>ApiKey</c>,
    /// <c>BaseAddress</c>, <c>RequestTimeout</c>, <c>PollingInterval</c>, <c>FallbackPollingInterval</c>, <c>WaitTimeout</c>, <c>MaxRetries</c>,
    /// <c>RetryDelay</c>, <c>MaxRetryDelay</c>; from the environment as <c>TableFlow__ApiKey</c> …), then
    /// <paramref name="configure"/> runs; when no key is set after that, the <c>TABLEFLOW_API_KEY</c> environment variable
    /// gives it; when no <see cref="TableFlowClientOptions.LoggerFactory"/> is set, the host's <see cref="ILoggerFactory"/>
    /// gives it, so the client logs where the app does. They are validated when the host starts: a missing key or a bad setting stops the start with one
    /// <see cref="OptionsValidationException"/> naming it, rather than failing the first call.
    /// </para>
    /// <para>
    /// The client sends through the <see cref="HttpClient"/> named <see cref="HttpClientName"/> from
    /// <c>IHttpClientFactory</c>, whose handler follows no redirects (a run's body must never be posted twice; the error
    /// names where the API moved), renews its pooled connections every few minutes, and has no
    /// <see cref="HttpClient.Timeout"/> of its own: <see cref="TableFlowClientOptions.RequestTimeout"/> and
    /// <see cref="TableFlowClientOptions.WaitTimeout"/> govern time. Header values are redacted in the factory's logs.
    /// </para>
    /// <para>
    /// It also registers a <see cref="TableFlowEventHub"/> and sets it as the client's
    /// <see cref="TableFlowClientOptions.Events"/> (unless <paramref name="configure"/> sets another). An app that maps
    /// <c>MapTableFlowWebhooks</c> (TableFlow.AspNetCore) publishes its webhooks there, so
    /// <see cref="TableFlowClient.WaitForFlowRunAsync(string, FlowRunWaitOptions?, CancellationToken)"/> ends on the run's
    /// event and polls only as a slow fallback (<see cref="TableFlowClientOptions.FallbackPollingInterval"/>); without an
    /// endpoint, waits poll as usual.
    /// </para>
    /// <para>Calling it again adds <paramref name="configure"/> (applied in order) but registers nothing twice.</para>
    /// </remarks>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Changes the options after configuration has been read, such as <c>o =&gt; o.BaseAddress = new Uri("https://gw.example.com/tableflow/")</c>.</param>
    /// <returns>A builder, for <see cref="TableFlowBuilderExtensions.AddFlow{TFlow}(ITableFlowBuilder)"/>.</returns>
    public static ITableFlowBuilder AddTableFlow(this IServiceCollection services, Action<TableFlowClientOptions>? configure = null)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));

        if (!services.Any(d => d.ServiceType == typeof(TableFlowMarker)))
        {
            services.AddSingleton<TableFlowMarker>();
            AddCore(services);
        }

        if (configure is not null) services.Configure(configure);
        return new TableFlowBuilder(services);
    }

    private static void AddCore(IServiceCollection services)
    {
        // Configuration first, then the caller's configure (registered after this), then the key fallback (a post-configure).
        services.AddOptions<TableFlowClientOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<TableFlowClientOptions>>(sp => new TableFlowOptionsFromConfiguration(sp.GetService<IConfiguration>()));
        services.AddSingleton<IPostConfigureOptions<TableFlowClientOptions>, TableFlowApiKeyFallback>();
        services.AddSingleton<IPostConfigureOptions<TableFlowClientOptions>>(sp => new TableFlowLoggerFactoryFallback(sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IValidateOptions<TableFlowClientOptions>, TableFlowOptionsValidator>();

        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            // The client is a singleton holding one HttpClient for the app's lifetime, so the factory's handler rotation
            // would never reach it; PooledConnectionLifetime renews the connections instead (Microsoft's guidance for
            // long-lived clients).
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(static _ => true);

        // The hub MapTableFlowWebhooks (TableFlow.AspNetCore) publishes to when it finds one registered; given to the
        // client, so its waits end on the run's webhook once an endpoint is mapped, with no wiring by the app.
        services.TryAddSingleton<TableFlowEventHub>();
        services.AddSingleton<IPostConfigureOptions<TableFlowClientOptions>>(static sp => new PostConfigureOptions<TableFlowClientOptions>(
            Options.Options.DefaultName,
            options => options.Events ??= sp.GetRequiredService<TableFlowEventHub>()));

        services.TryAddSingleton(static sp => new TableFlowClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<TableFlowClientOptions>>().Value));
    }

    private static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET
        return new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = PooledConnectionLifetime };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
    }

    /// <summary>Marks a collection TableFlow was added to, so a second call registers nothing twice.</summary>
    private sealed class TableFlowMarker;
}
