using System;

namespace TableFlow.Http;

/// <summary>
/// Keeps the API key out of every message the client produces. A server (or proxy) may echo the
/// <c>Authorization</c> header into an error body, and bodies end up in exception messages and excerpts.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "[redacted API key]";

    private readonly string _secret;

    public SecretRedactor(string secret) => _secret = secret;

    /// <summary>The text with every occurrence of the key masked.</summary>
    public string Redact(string text)
        => text.IndexOf(_secret, StringComparison.Ordinal) < 0 ? text : text.Replace(_secret, Mask);

    /// <summary>
    /// The exception to attach as an inner exception, or <see langword="null"/> when its text (message, stack, nested
    /// causes) contains the key: then the cause is described in the outer message, redacted, and not attached.
    /// </summary>
    public Exception? SafeInner(Exception? exception)
        => exception is null || exception.ToString().IndexOf(_secret, StringComparison.Ordinal) >= 0 ? null : exception;
}
