using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TableFlow;

/// <summary>
/// Verifies TableFlow's webhook messages, which are signed with Svix's scheme: HMAC-SHA256 with the endpoint's secret
/// over <c>{id}.{timestamp}.{body}</c>, sent in <c>svix-id</c>, <c>svix-timestamp</c> and <c>svix-signature</c> (or the
/// unbranded <c>webhook-*</c> headers). A message passes when one <c>v1</c> signature matches (compared in constant
/// time) and its timestamp is within five minutes of now; it is then read into a <see cref="TableFlowEvent"/>.
/// </summary>
/// <example>
/// <code>
/// var webhook = new TableFlowWebhook("whsec_…");        // the endpoint's signing secret from the dashboard
/// TableFlowEvent evt = webhook.Verify(body, headers);   // the raw body bytes, as received
/// if (evt.FlowRun is { Status: FlowRunStatus.Completed } run) { … }
/// </code>
/// </example>
/// <remarks>An instance is immutable and thread-safe: make one per secret and share it.</remarks>
public sealed class TableFlowWebhook
{
    /// <summary>The message id header, <c>svix-id</c>.</summary>
    public const string IdHeader = "svix-id";

    /// <summary>The timestamp header (unix seconds), <c>svix-timestamp</c>.</summary>
    public const string TimestampHeader = "svix-timestamp";

    /// <summary>The signature header (space-separated <c>v1,&lt;base64&gt;</c> entries), <c>svix-signature</c>.</summary>
    public const string SignatureHeader = "svix-signature";

    /// <summary>How far a message's timestamp may be from now, either way: five minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private const string UnbrandedIdHeader = "webhook-id";
    private const string UnbrandedTimestampHeader = "webhook-timestamp";
    private const string UnbrandedSignatureHeader = "webhook-signature";

    private readonly byte[] _key;
    private readonly TimeProvider _clock;

    /// <summary>Creates a verifier for one endpoint's signing secret.</summary>
    /// <param name="secret">The secret as the dashboard shows it (<c>whsec_</c> followed by base64), or the bare base64.</param>
    /// <param name="timeProvider">The clock the five-minute window is measured on; <see langword="null"/> for the system clock. Tests pass a fixed one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty or not base64 (the message does not repeat it).</exception>
    public TableFlowWebhook(string secret, TimeProvider? timeProvider = null)
    {
        if (secret is null) throw new ArgumentNullException(nameof(secret));
        _key = DecodeSecret(secret);
        _clock = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Verifies a message given its raw body and its HTTP headers, and reads it.</summary>
    /// <param name="body">The request body exactly as received: the signature covers these bytes, so never re-serialise them.</param>
    /// <param name="headers">
    /// The request's headers, names in any case (an <c>HttpRequestMessage</c>'s or <c>HttpResponseMessage</c>'s headers
    /// fit as they are). The <c>svix-*</c> headers are used; when one of them is missing, the <c>webhook-*</c> ones.
    /// </param>
    /// <returns>The verified event.</returns>
    /// <exception cref="TableFlowWebhookException">A header is missing or malformed, the timestamp is outside the window, no signature matches, or the body is not JSON; <see cref="TableFlowWebhookException.Failure"/> says which.</exception>
    public TableFlowEvent Verify(byte[] body, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (headers is null) throw new ArgumentNullException(nameof(headers));

        var found = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (header.Key is null || header.Value is null) continue;
            if (!found.TryGetValue(header.Key.Trim(), out var values)) found[header.Key.Trim()] = values = new List<string>();
            foreach (var value in header.Value)
            {
                if (value is not null) values.Add(value);
            }
        }

        // As Svix's libraries do: the branded set when all of it is there, else the unbranded one; when neither is
        // whole, the branded names, so the message names the headers TableFlow documents.
        var branded = Has(found, IdHeader) && Has(found, TimestampHeader) && Has(found, SignatureHeader);
        var unbranded = Has(found, UnbrandedIdHeader) && Has(found, UnbrandedTimestampHeader) && Has(found, UnbrandedSignatureHeader);
        var (idName, timestampName, signatureName) = branded || !unbranded
            ? (IdHeader, TimestampHeader, SignatureHeader)
            : (UnbrandedIdHeader, UnbrandedTimestampHeader, UnbrandedSignatureHeader);
        var id = Single(found, idName, IdHeader);
        var timestamp = Single(found, timestampName, TimestampHeader);

        // Several signature headers are one list, as if they had been sent as one.
        var signature = found.TryGetValue(signatureName, out var signatures) ? string.Join(" ", signatures) : "";
        return Verify(body, id, timestamp, signature);
    }

    /// <summary>Verifies a message given its raw body and the three header values, and reads it.</summary>
    /// <param name="body">The request body exactly as received: the signature covers these bytes, so never re-serialise them.</param>
    /// <param name="id">The <c>svix-id</c> (or <c>webhook-id</c>) header.</param>
    /// <param name="timestamp">The <c>svix-timestamp</c> header: unix seconds.</param>
    /// <param name="signature">The <c>svix-signature</c> header: space-separated <c>version,base64</c> entries, of which one <c>v1</c> must match.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="TableFlowWebhookException">A value is missing or malformed, the timestamp is outside the window, no signature matches, or the body is not JSON; <see cref="TableFlowWebhookException.Failure"/> says which.</exception>
    public TableFlowEvent Verify(byte[] body, string id, string timestamp, string signature)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        id = id?.Trim() ?? "";
        timestamp = timestamp?.Trim() ?? "";
        signature = signature?.Trim() ?? "";
        if (id.Length == 0) throw Missing(IdHeader);
        if (timestamp.Length == 0) throw Missing(TimestampHeader);
        if (signature.Length == 0) throw Missing(SignatureHeader);

        var sentAt = CheckTimestamp(id, timestamp);
        var expected = Encoding.ASCII.GetBytes(ComputeSignature(id, timestamp, body));
        var matched = false;
        foreach (var entry in signature.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            if (comma < 0)
            {
                throw new TableFlowWebhookException(
                    WebhookFailure.MalformedSignature,
                    $"Webhook message {id}: the {SignatureHeader} header has an entry without a comma; each entry is 'v1,<base64 signature>'.");
            }

            // Other versions (say a future v2, or the asymmetric v1a) are not ours to check; one v1 match suffices.
            // Every entry is looked at, so the time taken does not tell which one matched.
            if (!string.Equals(entry.Substring(0, comma), "v1", StringComparison.Ordinal)) continue;
            matched |= ConstantTime.Equal(expected, Encoding.ASCII.GetBytes(entry.Substring(comma + 1)));
        }

        if (!matched)
        {
            throw new TableFlowWebhookException(
                WebhookFailure.SignatureMismatch,
                $"Webhook message {id}: no v1 signature in the {SignatureHeader} header matches the body. The secret may be another endpoint's, or the body, id or timestamp was changed on the way (the body must be the raw bytes received).");
        }

        return WebhookEventParser.Parse(id, sentAt, body);
    }

    /// <summary>
    /// Signs a message as TableFlow (through Svix) does, for tests that send webhooks to their own endpoint; the emulator
    /// signs its deliveries with it.
    /// </summary>
    /// <param name="id">The message id.</param>
    /// <param name="timestamp">When the message is sent; it is signed as whole unix seconds.</param>
    /// <param name="body">The exact body that will be sent.</param>
    /// <returns>The <c>svix-signature</c> header value: <c>v1,&lt;base64&gt;</c>.</returns>
    public string Sign(string id, DateTimeOffset timestamp, byte[] body)
    {
        if (id is null) throw new ArgumentNullException(nameof(id));
        if (body is null) throw new ArgumentNullException(nameof(body));
        return "v1," + ComputeSignature(id, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body);
    }

    /// <summary>Makes a new random secret in the dashboard's form (<c>whsec_</c> and 24 random bytes in base64), for tests and the emulator.</summary>
    /// <returns>The secret.</returns>
    public static string CreateSecret()
    {
        var bytes = new byte[24];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        return SecretPrefix + Convert.ToBase64String(bytes);
    }

    private string ComputeSignature(string id, string timestamp, byte[] body)
    {
        // Fed in pieces, so a large body is hashed where it lies instead of being copied next to its prefix.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(id + "." + timestamp + "."));
        hmac.AppendData(body);
        return Convert.ToBase64String(hmac.GetHashAndReset());
    }

    private DateTimeOffset CheckTimestamp(string id, string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new TableFlowWebhookException(
                WebhookFailure.MalformedTimestamp,
                $"Webhook message {id}: the {TimestampHeader} header '{Excerpt(timestamp)}' is not a whole number of unix seconds.");
        }

        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var tolerance = (long)Tolerance.TotalSeconds;
        if (seconds < now - tolerance)
        {
            throw new TableFlowWebhookException(
                WebhookFailure.TimestampTooOld,
                $"Webhook message {id} was sent at unix time {seconds}, {now - seconds} s ago: more than {tolerance} s, so it is refused as a possible replay. Check the receiving machine's clock if this happens to every message.");
        }

        if (seconds > now + tolerance)
        {
            throw new TableFlowWebhookException(
                WebhookFailure.TimestampTooNew,
                $"Webhook message {id} is dated unix time {seconds}, {seconds - now} s ahead of this machine's clock (more than {tolerance} s). Check the receiving machine's clock.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static byte[] DecodeSecret(string secret)
    {
        var base64 = secret.Trim();
        if (base64.StartsWith(SecretPrefix, StringComparison.Ordinal)) base64 = base64.Substring(SecretPrefix.Length);
        if (base64.Length == 0) throw new ArgumentException("The webhook secret is empty; copy the endpoint's signing secret (whsec_…) from the dashboard.", nameof(secret));
        try
        {
            var key = Convert.FromBase64String(base64);
            if (key.Length == 0) throw new FormatException();
            return key;
        }
        catch (FormatException)
        {
            // The secret itself stays out of the message.
            throw new ArgumentException(
                $"The webhook secret is not valid: after the optional '{SecretPrefix}' prefix it must be base64 ({base64.Length} characters given). Copy the endpoint's signing secret from the dashboard.",
                nameof(secret));
        }
    }

    private static bool Has(Dictionary<string, List<string>> headers, string name)
        => headers.TryGetValue(name, out var values) && values.Exists(v => v.Trim().Length > 0);

    private static string Single(Dictionary<string, List<string>> headers, string name, string brandedName)
    {
        if (!headers.TryGetValue(name, out var values) || values.Count == 0) return "";
        if (values.Count > 1)
        {
            throw new TableFlowWebhookException(
                WebhookFailure.MissingHeader,
                $"The {name} header was sent {values.Count} times; a webhook message has exactly one ({brandedName}).");
        }

        return values[0];
    }

    private static TableFlowWebhookException Missing(string name)
        => new(WebhookFailure.MissingHeader, $"The webhook request has no {name} header (nor its webhook-* counterpart), so it cannot be verified. Is this endpoint receiving something other than TableFlow's webhooks?");

    private static string Excerpt(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
