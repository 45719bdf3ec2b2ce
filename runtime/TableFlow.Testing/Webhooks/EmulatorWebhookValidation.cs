using System;

namespace TableFlow.Testing;

/// <summary>Checks <see cref="EmulatorWebhookOptions"/> when the emulator starts, so a typo fails the start and not a delivery.</summary>
internal static class EmulatorWebhookValidation
{
    public static EmulatorWebhookOptions Validated(EmulatorWebhookOptions? options)
    {
        if (options is null) throw new ArgumentException("The webhook options are null; leave them at their default for no webhooks.", nameof(options));
        foreach (var url in options.Urls)
        {
            if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"The webhook URL '{url}' is not an absolute http or https URL.", nameof(options));
            }
        }

        foreach (var wait in options.RetrySchedule)
        {
            if (wait < TimeSpan.Zero) throw new ArgumentException($"The webhook retry schedule has a negative wait ({wait}).", nameof(options));
        }

        if (options.AttemptTimeout <= TimeSpan.Zero) throw new ArgumentException($"The webhook attempt timeout {options.AttemptTimeout} is not positive.", nameof(options));

        // A bad secret fails here, with TableFlowWebhook's message (which does not repeat it).
        if (options.Secret is not null) _ = new TableFlowWebhook(options.Secret);
        return options.Copy();
    }
}
