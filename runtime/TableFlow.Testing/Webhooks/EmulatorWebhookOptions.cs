using System;
using System.Collections.Generic;

namespace TableFlow.Testing;

/// <summary>
/// Where and how the emulator delivers signed webhooks (<see cref="TableFlowEmulatorOptions.Webhooks"/>): when a run ends
/// <c>completed</c> or <c>failed</c>, each URL gets a <c>flow.run.completed</c> / <c>flow.run.failed</c> message
/// <c>{"event": …, "data": &lt;the run&gt;}</c> signed like TableFlow's (Svix headers), retried on a non-2xx answer; extractions
/// send <c>extraction.created</c>, <c>extraction.processing</c>, then <c>extraction.completed</c> or <c>extraction.failed</c>.
/// </summary>
public sealed class EmulatorWebhookOptions
{
    /// <summary>The endpoints to deliver to (say <c>http://localhost:5000/webhooks/tableflow</c>); none by default, and then nothing is sent.</summary>
    public IList<Uri> Urls { get; } = new List<Uri>();

    /// <summary>
    /// The signing secret (<c>whsec_…</c>, as the dashboard shows it); <see langword="null"/> (the default) makes a fresh
    /// one at start, readable from <see cref="EmulatorWebhooks.Secret"/>.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The waits before each retry of a delivery that did not get a 2xx answer; the message keeps its id on every retry.
    /// The default is Svix's schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Tests set short ones.
    /// Retries wait in real time, whatever the emulator's clock.
    /// </summary>
    public IList<TimeSpan> RetrySchedule { get; } = new List<TimeSpan>
    {
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    };

    /// <summary>How long one attempt may take before it counts as failed. Default 15 seconds, as Svix.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    internal EmulatorWebhookOptions Copy()
    {
        var copy = new EmulatorWebhookOptions { Secret = Secret, AttemptTimeout = AttemptTimeout };
        foreach (var url in Urls) copy.Urls.Add(url);
        copy.RetrySchedule.Clear();
        foreach (var wait in RetrySchedule) copy.RetrySchedule.Add(wait);
        return copy;
    }
}
