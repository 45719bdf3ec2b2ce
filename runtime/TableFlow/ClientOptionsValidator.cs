using System;

namespace TableFlow;

/// <summary>Checks <see cref="TableFlowClientOptions"/> when a client is made, so a bad setting fails before any request.</summary>
internal static class ClientOptionsValidator
{
    /// <summary>Validates the options (normalizing the base address in place) and returns the API key to send.</summary>
    public static string Validate(TableFlowClientOptions options)
    {
        // Configuration binding gives "" for a key that is present but empty (TableFlow__ApiKey=): that means "not set".
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey)
            ? Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable)
            : options.ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException(
                $"No TableFlow API key: TableFlowClientOptions.ApiKey is {(options.ApiKey is null ? "not set" : "empty")} and the {TableFlowClientOptions.ApiKeyEnvironmentVariable} environment variable is not set; set one of them.",
                nameof(options));
        }

        apiKey = apiKey!.Trim();
        foreach (var c in apiKey)
        {
            // The message must not quote the key, and HttpClient's own header errors would: check here first.
            if (c is < '!' or > '~')
            {
                throw new ArgumentException(
                    "The TableFlow API key contains a character an HTTP header cannot carry (a space, line break, control or non-ASCII character); check it for copy-and-paste leftovers.",
                    nameof(options));
            }
        }

        options.BaseAddress = ValidateBaseAddress(options.BaseAddress);
        RequireNonNegative(options.RequestTimeout, nameof(TableFlowClientOptions.RequestTimeout), allowInfinite: true, allowZero: false);
        RequireNonNegative(options.PollingInterval, nameof(TableFlowClientOptions.PollingInterval), allowInfinite: false, allowZero: true);
        RequireNonNegative(options.FallbackPollingInterval, nameof(TableFlowClientOptions.FallbackPollingInterval), allowInfinite: false, allowZero: true);
        RequireNonNegative(options.WaitTimeout, nameof(TableFlowClientOptions.WaitTimeout), allowInfinite: true, allowZero: true);
        RequireNonNegative(options.RetryDelay, nameof(TableFlowClientOptions.RetryDelay), allowInfinite: false, allowZero: true);
        RequireNonNegative(options.MaxRetryDelay, nameof(TableFlowClientOptions.MaxRetryDelay), allowInfinite: false, allowZero: true);
        if (options.MaxRetries < 0)
        {
            throw new ArgumentException($"TableFlowClientOptions.MaxRetries is {options.MaxRetries}; it must be 0 (no retries) or more.", nameof(options));
        }

        return apiKey;
    }

    private static Uri ValidateBaseAddress(Uri? baseAddress)
    {
        if (baseAddress is null) throw new ArgumentException("TableFlowClientOptions.BaseAddress is null.", "options");
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException($"TableFlowClientOptions.BaseAddress '{baseAddress}' is not an absolute URI.", "options");
        if (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback))
        {
            throw new ArgumentException($"TableFlowClientOptions.BaseAddress '{baseAddress.GetLeftPart(UriPartial.Path)}' must use https (plain http is allowed only on loopback), so the API key is never sent in clear.", "options");
        }

        if (baseAddress.UserInfo.Length > 0 || baseAddress.Query.Length > 0 || baseAddress.Fragment.Length > 0)
        {
            // User info could hold a secret that messages would repeat; a query or fragment would be lost on every request.
            throw new ArgumentException($"TableFlowClientOptions.BaseAddress '{baseAddress.Scheme}://{baseAddress.Host}{baseAddress.AbsolutePath}' must not carry user info, a query or a fragment; pass the key as ApiKey.", "options");
        }

        // Requests are relative to the base: without a trailing slash a path prefix would be dropped.
        var normalized = baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

        // The docs give https://api.tableflow.com/v2 as the base URL, and every request path already starts with v2/:
        // taken literally the two would make /v2/v2/flows. A last segment "v2" is the API's version, not a prefix.
        return normalized.AbsolutePath.EndsWith("/" + ApiVersionSegment + "/", StringComparison.Ordinal)
            ? new Uri(normalized, "..")
            : normalized;
    }

    /// <summary>The version segment every request path starts with (<c>v2/flows/…</c>).</summary>
    private const string ApiVersionSegment = "v2";

    private static void RequireNonNegative(TimeSpan value, string name, bool allowInfinite, bool allowZero)
    {
        if (allowInfinite && value == System.Threading.Timeout.InfiniteTimeSpan) return;
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value.TotalMilliseconds > int.MaxValue - 1)
        {
            throw new ArgumentException($"TableFlowClientOptions.{name} is {value}; it must be {(allowZero ? "zero or more" : "more than zero")}, and under 24 days{(allowInfinite ? " (or Timeout.InfiniteTimeSpan)" : "")}.", "options");
        }
    }
}
