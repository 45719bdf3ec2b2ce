namespace TableFlow;

/// <summary>
/// The names under which <see cref="TableFlowClient"/> reports traces and metrics, for an OpenTelemetry set-up:
/// <c>tracing.AddSource(TableFlowTelemetry.ActivitySourceName)</c>, <c>metrics.AddMeter(TableFlowTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// Logs go through <see cref="TableFlowClientOptions.LoggerFactory"/>. No activity tag, metric tag or log message
/// holds the API key, a file's name or content, or a metadata value.
/// </remarks>
public static class TableFlowTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>TableFlow</c>. One activity per API call and one per wait.</summary>
    public const string ActivitySourceName = "TableFlow";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>TableFlow</c>.</summary>
    public const string MeterName = "TableFlow";
}
