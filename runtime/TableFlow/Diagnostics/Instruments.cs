using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TableFlow.Diagnostics;

/// <summary>The library's one <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>TableFlow</c>, and the meter's instruments.</summary>
internal static class Instruments
{
    private static readonly string? Version = typeof(Instruments).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(TableFlowTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(TableFlowTelemetry.MeterName, Version);

    /// <summary>How long each API call took, retries and their delays included.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "tableflow.client.request.duration", "s", "Duration of TableFlow API calls, retries included.");

    /// <summary>Runs the API accepted.</summary>
    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>(
        "tableflow.client.runs.started", "{run}", "Flow runs started through the client.");

    /// <summary>How runs ended, as waits saw them, plus run requests whose outcome is unknown.</summary>
    public static readonly Counter<long> RunOutcomes = Meter.CreateCounter<long>(
        "tableflow.client.run.outcomes", "{run}", "Flow run outcomes: completed, failed or review as waits saw them; unknown for run requests that may or may not have started a run.");

    /// <summary>Uploads the API accepted for extraction.</summary>
    public static readonly Counter<long> ExtractionsStarted = Meter.CreateCounter<long>(
        "tableflow.client.extractions.started", "{extraction}", "Extractions started through the client.");

    /// <summary>Attempts sent again after a passing failure.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "tableflow.client.retries", "{retry}", "TableFlow API requests sent again after a transient failure.");
}
