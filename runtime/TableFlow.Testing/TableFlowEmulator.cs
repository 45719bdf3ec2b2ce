using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TableFlow.Testing.Flows;
using TableFlow.Testing.Server;

namespace TableFlow.Testing;

/// <summary>
/// A local TableFlow API on 127.0.0.1 for tests and offline work: it checks the bearer key, validates run requests
/// against the configured flows, records every run, moves runs from <c>processing</c> to their end over time, and
/// serves the read endpoints with the API's shapes and pagination. It also serves the extraction endpoints
/// (<c>/v2/extractions…</c>) with templates configured in code (<see cref="AddTemplate"/>) or in the flows file.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await TableFlowEmulator.StartAsync();
/// emulator.AddFlow("dk4g1tUg1uHLs8YU", f => f.File("purchase_order", required: true).File("invoice", required: true));
/// using var client = emulator.CreateClient();
/// </code>
/// </example>
public sealed class TableFlowEmulator : IAsyncDisposable
{
    /// <summary>The polling interval of clients made by <see cref="CreateClient"/>, short so tests finish fast.</summary>
    public static readonly TimeSpan ClientPollingInterval = TimeSpan.FromMilliseconds(50);

    private readonly WebApplication _app;
    private readonly EmulatorStore _store;
    private readonly TableFlowEmulatorOptions _options;
    private int _disposed;

    private TableFlowEmulator(WebApplication app, EmulatorStore store, TableFlowEmulatorOptions options, FaultInjector faults, Uri baseAddress, EmulatorWebhooks webhooks)
    {
        Webhooks = webhooks;
        _app = app;
        _store = store;
        _options = options;
        Faults = faults;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the emulator listens: <c>http://127.0.0.1:&lt;port&gt;/</c>, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key clients must send.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>Faults to inject into the next requests (429, 500, delays, dropped connections).</summary>
    public FaultInjector Faults { get; }

    /// <summary>The webhooks sent when runs end: the signing secret and every delivery attempt (see <see cref="TableFlowEmulatorOptions.Webhooks"/>).</summary>
    public EmulatorWebhooks Webhooks { get; }

    /// <summary>Every run accepted so far, oldest first.</summary>
    public IReadOnlyList<EmulatedRun> Runs => _store.Runs();

    /// <summary>Every request answered so far (including refused and faulted ones), oldest first.</summary>
    public IReadOnlyList<EmulatedRequest> Requests => _store.Requests();

    /// <summary>The ids of the flows the emulator knows, active or not.</summary>
    public IReadOnlyList<string> FlowIds => _store.Flows().Select(f => f.Id).ToArray();

    /// <summary>The ids of the extraction templates the emulator knows, in the order added (the order <c>template_id=auto</c> tries them).</summary>
    public IReadOnlyList<string> TemplateIds => _store.Templates().Select(t => t.Id).ToArray();

    /// <summary>Every extraction accepted so far, oldest first.</summary>
    public IReadOnlyList<EmulatedExtraction> Extractions => _store.Extractions();

    /// <summary>Starts an emulator on 127.0.0.1 and loads <see cref="TableFlowEmulatorOptions.FlowsFile"/> if set.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (any free port, key <c>emulator-key</c>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidDataException">The flows file is not valid.</exception>
    /// <exception cref="IOException">The port is already in use.</exception>
    public static async Task<TableFlowEmulator> StartAsync(TableFlowEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Validate(options ?? new TableFlowEmulatorOptions());
        var store = new EmulatorStore(options.TimeProvider);
        var faults = new FaultInjector();
        var now = options.TimeProvider.GetUtcNow();
        if (options.FlowsFile is not null) Load(store, FlowDefinitionReader.ReadFile(options.FlowsFile), now);

        // The empty builder with Kestrel's core only: no configuration files, logging or routing to set up, so an
        // emulator starts in milliseconds and tests can start many.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var handler = new EmulatorHandler(store, faults, options);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"The emulator cannot listen on 127.0.0.1:{options.Port}: {e.Message} Pick another port, or 0 for any free one.", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
        var port = new Uri(address).Port;
        var webhooks = new EmulatorWebhooks(store, options.Webhooks, options.WorkspaceId, options.RequestLog);
        webhooks.Start();
        return new TableFlowEmulator(app, store, options, faults, new Uri($"http://127.0.0.1:{port}/"), webhooks);
    }

    /// <summary>Adds a flow: <c>AddFlow("dk4g1tUg1uHLs8YU", f =&gt; f.Name("PO").File("purchase_order", required: true))</c>.</summary>
    /// <param name="flowId">The flow's id (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>~</c>).</param>
    /// <param name="configure">Describes the flow's fields and behaviour.</param>
    /// <returns>This emulator, for chaining.</returns>
    /// <exception cref="ArgumentException">The id is invalid or already used, or a field is invalid.</exception>
    public TableFlowEmulator AddFlow(string flowId, Action<EmulatedFlowBuilder> configure)
    {
        if (flowId is null) throw new ArgumentNullException(nameof(flowId));
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        if (FlowNames.IdProblem(flowId) is { } problem)
        {
            throw new ArgumentException($"The flow id '{FlowNames.Printable(flowId)}' is not valid: {problem}.", nameof(flowId));
        }

        var builder = new EmulatedFlowBuilder(flowId);
        configure(builder);
        _store.AddFlow(builder.Build(_store.Clock.GetUtcNow()));
        return this;
    }

    /// <summary>Changes a flow already added or loaded (its outcome, processing time, fields…), keeping what is not changed.</summary>
    /// <param name="flowId">The flow's id.</param>
    /// <param name="configure">The changes.</param>
    /// <returns>This emulator, for chaining.</returns>
    /// <exception cref="ArgumentException">The emulator has no such flow.</exception>
    public TableFlowEmulator ConfigureFlow(string flowId, Action<EmulatedFlowBuilder> configure)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        var existing = _store.FindFlow(flowId) ?? throw new ArgumentException($"The emulator has no flow '{flowId}'; add it with AddFlow first.", nameof(flowId));
        var builder = new EmulatedFlowBuilder(existing);
        configure(builder);
        _store.ReplaceFlow(builder.Build(existing.CreatedAt));
        return this;
    }

    /// <summary>
    /// Adds the flows of a definition file: a JSON array in the shape <c>GET /v2/flows</c> answers, where a file
    /// field may also carry <c>"multiple": true</c> (the same <c>tableflow.json</c> the generator reads); or an object
    /// <c>{"flows": [ … ], "templates": [ … ]}</c>, whose extraction templates are added too.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns>This emulator, for chaining.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON (the message gives line and position) or not valid definitions (the message gives the JSON path).</exception>
    /// <exception cref="ArgumentException">A flow or template in the file is already in the emulator.</exception>
    public TableFlowEmulator LoadFlows(string path)
    {
        Load(_store, FlowDefinitionReader.ReadFile(path), _store.Clock.GetUtcNow());
        return this;
    }

    /// <summary>
    /// Adds an extraction template and the result every upload against it returns:
    /// <c>AddTemplate("JlLZVabDjYWzu7C9", t =&gt; t.Name("Invoice").Field("invoice_number", value: "INV-1")
    /// .Table("line_items", l =&gt; l.Column("description").Column("quantity", "number").Row("Chair", "1")))</c>.
    /// </summary>
    /// <param name="templateId">The template's id (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>~</c>; not <c>auto</c>).</param>
    /// <param name="configure">Describes the template's fields, tables, values and behaviour.</param>
    /// <returns>This emulator, for chaining.</returns>
    /// <exception cref="ArgumentException">The id is invalid or already used, or a field, column or row is invalid.</exception>
    public TableFlowEmulator AddTemplate(string templateId, Action<EmulatedTemplateBuilder> configure)
    {
        if (templateId is null) throw new ArgumentNullException(nameof(templateId));
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        if (global::TableFlow.Testing.Extractions.TemplateIds.Problem(templateId) is { } problem) throw new ArgumentException($"Cannot add the template: {problem}.", nameof(templateId));
        var builder = new EmulatedTemplateBuilder(templateId);
        configure(builder);
        _store.AddTemplate(builder.Build());
        return this;
    }

    /// <summary>Finds an accepted extraction by id.</summary>
    /// <param name="extractionId">The extraction's id.</param>
    /// <returns>The extraction, or <see langword="null"/>.</returns>
    public EmulatedExtraction? FindExtraction(string extractionId) => _store.FindExtraction(extractionId);

    /// <summary>
    /// Makes a <see cref="TableFlowClient"/> for this emulator. The options' <c>ApiKey</c> is filled in when not set (or empty) and
    /// its <c>BaseAddress</c> is pointed here when it is the public default; without options the client polls every 50 ms.
    /// </summary>
    /// <param name="options">Client settings to start from (changed in place as described); <see langword="null"/> for defaults.</param>
    /// <returns>A client; dispose it when done.</returns>
    public TableFlowClient CreateClient(TableFlowClientOptions? options = null)
    {
        options ??= new TableFlowClientOptions { PollingInterval = ClientPollingInterval };
        if (string.IsNullOrWhiteSpace(options.ApiKey)) options.ApiKey = ApiKey; // empty means "not set", as the client reads it
        if (options.BaseAddress is null || options.BaseAddress == TableFlowClientOptions.DefaultBaseAddress) options.BaseAddress = BaseAddress;
        return new TableFlowClient(options);
    }

    /// <summary>Makes a plain <see cref="HttpClient"/> with <see cref="BaseAddress"/> and the bearer key set, for raw requests.</summary>
    /// <returns>A client; dispose it when done.</returns>
    public HttpClient CreateHttpClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return http;
    }

    /// <summary>Finds an accepted run by id.</summary>
    /// <param name="runId">The run's id.</param>
    /// <returns>The run, or <see langword="null"/>.</returns>
    public EmulatedRun? FindRun(string runId) => _store.FindRun(runId);

    /// <summary>Changes how a run that is still <c>processing</c> ends (say, to fail one particular run).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="outcome">The new outcome; its processing time, if set, counts from the run's start.</param>
    /// <exception cref="ArgumentException">No such run.</exception>
    /// <exception cref="InvalidOperationException">The run has already ended.</exception>
    public void SetOutcome(string runId, RunOutcome outcome)
    {
        if (outcome is null) throw new ArgumentNullException(nameof(outcome));
        var run = RequireRun(runId);
        if (!run.Replan(outcome, _store.Clock.GetUtcNow()))
        {
            throw new InvalidOperationException($"Flow run '{runId}' is already {run.Status}; only a processing run's outcome can change.");
        }
    }

    /// <summary>Ends a run that sits in <c>review</c>, as a person in the dashboard would, now.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="outcome"><see cref="RunOutcome.Completed"/> (the default) or a <see cref="RunOutcome.Failed"/> outcome.</param>
    /// <exception cref="ArgumentException">No such run, or <paramref name="outcome"/> is review again.</exception>
    /// <exception cref="InvalidOperationException">The run is not in review.</exception>
    public void ResolveReview(string runId, RunOutcome? outcome = null)
    {
        outcome ??= RunOutcome.Completed;
        if (outcome.Status == FlowRunStatus.Review) throw new ArgumentException("A review ends completed or failed, not in review again.", nameof(outcome));
        var run = RequireRun(runId);
        if (!run.Resolve(outcome, _store.Clock.GetUtcNow()))
        {
            throw new InvalidOperationException($"Flow run '{runId}' is {run.Status}, not in review.");
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Webhooks.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }

    /// <summary>One line per flow, for the program's banner.</summary>
    internal IEnumerable<string> DescribeFlows()
    {
        foreach (var flow in _store.Flows())
        {
            var fields = flow.Fields.Select(f => f.Key + (f.Required, f.Multiple) switch
            {
                (true, true) => " (required, multiple)",
                (true, false) => " (required)",
                (false, true) => " (multiple)",
                _ => "",
            });
            yield return $"{flow.Id} \"{flow.Name}\"{(flow.Active ? "" : " (inactive)")}: {string.Join(", ", fields)}";
        }
    }

    /// <summary>One line per template, for the program's banner.</summary>
    internal IEnumerable<string> DescribeTemplates()
    {
        foreach (var template in _store.Templates())
        {
            var tables = template.Tables.Select(t => $"{t.Key} ({t.Rows.Count} rows)");
            var types = template.FileTypes.Count == 0 ? "" : $" [{string.Join(", ", template.FileTypes)}]";
            yield return $"{template.Id} \"{template.Name}\"{types}: {template.Fields.Count} field(s){(template.Tables.Count == 0 ? "" : "; tables " + string.Join(", ", tables))}";
        }
    }

    private static void Load(EmulatorStore store, FlowDefinitionFile file, DateTimeOffset now)
    {
        foreach (var flow in file.Flows) store.AddFlow(flow.Build(now));
        foreach (var template in file.Templates) store.AddTemplate(template.Build());
    }

    private EmulatedRun RequireRun(string runId)
        => _store.FindRun(runId ?? throw new ArgumentNullException(nameof(runId))) ?? throw new ArgumentException($"The emulator has no flow run '{runId}'.", nameof(runId));

    private static TableFlowEmulatorOptions Validate(TableFlowEmulatorOptions options)
    {
        if (options.Port is < 0 or > 65535) throw new ArgumentException($"The port {options.Port} is out of range (0 to 65535; 0 takes any free port).", nameof(options));
        if (string.IsNullOrWhiteSpace(options.ApiKey)) throw new ArgumentException("The emulator's API key is empty.", nameof(options));
        if (options.ProcessingTime < TimeSpan.Zero) throw new ArgumentException($"The processing time {options.ProcessingTime} is negative.", nameof(options));
        if (options.TimeProvider is null) throw new ArgumentException("The TimeProvider is null.", nameof(options));
        if (string.IsNullOrWhiteSpace(options.WorkspaceId)) throw new ArgumentException("The workspace id is empty.", nameof(options));
        var webhooks = EmulatorWebhookValidation.Validated(options.Webhooks);

        // A copy: changing the caller's options object after the start must not change a running server.
        return new TableFlowEmulatorOptions
        {
            Port = options.Port,
            ApiKey = options.ApiKey,
            ProcessingTime = options.ProcessingTime,
            FlowsFile = options.FlowsFile,
            WorkspaceId = options.WorkspaceId,
            TimeProvider = options.TimeProvider,
            RequestLog = options.RequestLog,
            Webhooks = webhooks,
        };
    }
}
