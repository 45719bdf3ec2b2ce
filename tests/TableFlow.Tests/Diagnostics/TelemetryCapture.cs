using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace TableFlow.Tests.Diagnostics;

/// <summary>A measurement of one of the TableFlow meter's instruments.</summary>
public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Listens to the <c>TableFlow</c> activity source and meter (and <c>System.Net.Http</c>'s activities) for one test.
/// Listeners are process-wide and tests run in parallel, so it keeps only what belongs to this test: activities of the
/// trace under the root it starts, and measurements tagged with its server's port. The in-process emulator's own
/// server-side activities are of other sources and never kept. Start the emulator before the capture: a server started
/// under the root would carry it into its own background work.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly int _port;

    public TelemetryCapture(Uri server)
    {
        _port = server.Port;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "TableFlow" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.TraceId == Root?.TraceId) _stopped.Enqueue(activity); },
        };
        ActivitySource.AddActivityListener(_activities);
        // Started by hand, not through a source: no listener has to sample it for it to become the current parent.
        Root = new Activity("TableFlow.Tests root").SetIdFormat(ActivityIdFormat.W3C).Start();

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == "TableFlow") listener.EnableMeasurementEvents(instrument); },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>The test's root activity: what the client does in the test nests under it.</summary>
    public Activity Root { get; }

    /// <summary>The TableFlow activities of this test, in the order they ended.</summary>
    public IReadOnlyList<Activity> Activities => _stopped.Where(a => a.Source.Name == "TableFlow").ToList();

    /// <summary>Every activity of this test that ended, HttpClient's included.</summary>
    public IReadOnlyList<Activity> AllActivities => _stopped.ToList();

    /// <summary>The measurements of this test's server, in order.</summary>
    public IReadOnlyList<Measurement> Measurements => _measurements.ToList();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>();
        foreach (var tag in tags) map[tag.Key] = tag.Value;
        if (map.TryGetValue("server.port", out var port) && port is int p && p == _port) _measurements.Enqueue(new Measurement(instrument.Name, value, map));
    }

    public void Dispose()
    {
        Root.Dispose();
        _meters.Dispose();
        _activities.Dispose();
    }
}
