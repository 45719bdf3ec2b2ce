using System;
using System.Collections.Generic;
using System.Text;

namespace TableFlow.Http;

/// <summary>
/// Keeps the API key out of every message the client produces. A server (or proxy) may echo the
/// <c>Authorization</c> header into an error body, and bodies end up in exception messages and excerpts.
/// </summary>
/// <remarks>
/// The key is found as written and in the forms an echo may escape it into: JSON (<c>\u002B</c>, <c>\/</c>, also
/// escaped twice over), URL (<c>%2B</c>, also <c>%252B</c>), HTML character references (<c>&amp;#43;</c>), each
/// character independently and in either letter case; and inside base64 or base64url text (a Basic credential or a
/// token that wraps the key), at any alignment. A text that ends with the start of the key (a body cut short) has
/// that fragment masked too.
/// </remarks>
internal sealed class SecretRedactor
{
    public const string Mask = "[redacted API key]";

    /// <summary>A trailing fragment this long or longer is masked; a shorter one is too common in ordinary text to mean the key.</summary>
    private const int MinFragment = 3;

    private readonly string _secret;
    private readonly string[] _base64Cores;

    public SecretRedactor(string secret)
    {
        _secret = secret;
        // Room for the key in its longest escaped form (\\u002B, &#x2B;) past the cut, so it is whole when redacted.
        Margin = 64 + secret.Length * 10;
        _base64Cores = Base64Cores(secret);
    }

    /// <summary>How many characters past a cut to decode before redacting, so a key that straddles the cut is whole.</summary>
    public int Margin { get; }

    /// <summary>The text with every occurrence of the key, in any form, masked, and a trailing fragment of it too.</summary>
    public string Redact(string text)
    {
        if (text.Length == 0 || _secret.Length == 0) return text;
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var length = MatchAt(text, i, out var complete);
            if (length <= 0 || (!complete && (i + length != text.Length || !IsLongFragment(text, i)))) continue;
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(Mask);
            copied = i + length;
            i = copied - 1;
        }

        if (result is not null)
        {
            result.Append(text, copied, text.Length - copied);
            text = result.ToString();
        }

        foreach (var core in _base64Cores)
        {
            if (text.IndexOf(core, StringComparison.Ordinal) >= 0) text = text.Replace(core, Mask);
        }

        return text;
    }

    /// <summary>Whether the text holds the key in any of the forms <see cref="Redact"/> masks.</summary>
    public bool Contains(string text) => !string.Equals(Redact(text), text, StringComparison.Ordinal);

    /// <summary>
    /// The start of <paramref name="text"/> (at most <paramref name="maxChars"/> characters), redacted as a whole
    /// before it is cut so that a key straddling the cut leaves nothing behind, and never cut inside a mask.
    /// </summary>
    public string Excerpt(string text, int maxChars, out bool cut)
    {
        var redacted = Redact(text);
        cut = redacted.Length > maxChars;
        if (!cut) return redacted;

        var end = maxChars;
        var mask = redacted.LastIndexOf(Mask, Math.Min(redacted.Length - 1, end + Mask.Length - 1), StringComparison.Ordinal);
        if (mask >= 0 && mask < end && mask + Mask.Length > end) end = mask + Mask.Length;
        if (end < redacted.Length && char.IsHighSurrogate(redacted[end - 1])) end--;
        return Redact(redacted.Substring(0, end));
    }

    /// <summary>
    /// The exception to attach as an inner exception, or <see langword="null"/> when its text (message, stack, nested
    /// causes) contains the key: then the cause is described in the outer message, redacted, and not attached.
    /// </summary>
    public Exception? SafeInner(Exception? exception)
        => exception is null || Contains(exception.ToString()) ? null : exception;

    private bool IsLongFragment(string text, int start)
    {
        // Count the key characters the tail matched (escaped forms are longer than the characters they stand for).
        var matched = 0;
        var i = start;
        foreach (var c in _secret)
        {
            if (i >= text.Length) break;
            var n = MatchChar(text, i, c);
            if (n <= 0) break;
            i += n;
            matched++;
        }

        return matched >= Math.Min(MinFragment, _secret.Length);
    }

    /// <summary>
    /// How many characters from <paramref name="start"/> spell the key (<paramref name="complete"/>), or spell its
    /// start up to the end of the text (not complete); 0 when neither.
    /// </summary>
    private int MatchAt(string text, int start, out bool complete)
    {
        complete = false;
        var i = start;
        foreach (var c in _secret)
        {
            if (i >= text.Length) return i - start;
            var n = MatchChar(text, i, c);
            if (n < 0) return i + (-n) >= text.Length ? text.Length - start : 0;
            if (n == 0) return 0;
            i += n;
        }

        complete = true;
        return i - start;
    }

    /// <summary>
    /// The length of the form of <paramref name="c"/> at <paramref name="i"/>; 0 when none starts there; minus the
    /// length left when the text ends inside an escape that could still spell it.
    /// </summary>
    private static int MatchChar(string text, int i, char c)
    {
        var t = text[i];
        if (t == c) return 1;
        if (t == '\\')
        {
            var j = i;
            while (j < text.Length && text[j] == '\\') j++;
            if (j == text.Length) return -(j - i);
            if (text[j] == c && c is '/' or '"' or '\\') return j + 1 - i;
            if (text[j] is 'u' or 'U')
            {
                var hex = ReadHex(text, j + 1, 4, out var truncated);
                if (truncated) return -(text.Length - i);
                if (hex == c) return j + 5 - i;
            }

            return 0;
        }

        if (t == '%')
        {
            var j = i + 1;
            if (j + 1 < text.Length && text[j] == '2' && text[j + 1] == '5') j += 2; // %25XX: encoded twice
            var hex = ReadHex(text, j, 2, out var truncated);
            if (truncated) return -(text.Length - i);
            return hex == c ? j + 2 - i : 0;
        }

        if (t == '&' && i + 1 < text.Length && text[i + 1] == '#')
        {
            var j = i + 2;
            var isHex = j < text.Length && text[j] is 'x' or 'X';
            if (isHex) j++;
            var value = 0;
            var digits = 0;
            while (j < text.Length && digits < 8 && Digit(text[j], isHex) is var d && d >= 0)
            {
                value = value * (isHex ? 16 : 10) + d;
                j++;
                digits++;
            }

            if (j == text.Length) return -(j - i);
            return digits > 0 && text[j] == ';' && value == c ? j + 1 - i : 0;
        }

        return 0;
    }

    private static int ReadHex(string text, int start, int count, out bool truncated)
    {
        truncated = false;
        var value = 0;
        for (var k = 0; k < count; k++)
        {
            if (start + k >= text.Length)
            {
                truncated = true;
                return -1;
            }

            var d = Digit(text[start + k], hex: true);
            if (d < 0) return -1;
            value = value * 16 + d;
        }

        return value;
    }

    private static int Digit(char c, bool hex) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' when hex => c - 'a' + 10,
        >= 'A' and <= 'F' when hex => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// The base64 (and base64url) characters that depend on the key's bytes alone, for each of the three alignments
    /// the key can have inside a longer encoded value (such as <c>Basic base64(user:key)</c>).
    /// </summary>
    private static string[] Base64Cores(string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var cores = new List<string>();
        for (var offset = 0; offset < 3; offset++)
        {
            var bytes = new byte[offset + key.Length];
            Array.Copy(key, 0, bytes, offset, key.Length);
            var encoded = Convert.ToBase64String(bytes).TrimEnd('=');

            // Characters 0..(first) mix in the padding bytes before the key; the last one may mix in what follows it.
            var first = offset == 0 ? 0 : (offset * 8 + 5) / 6;
            var last = (bytes.Length * 8) / 6; // characters fully made of key bits end before this index
            if (last - first < 8) continue;    // too short to be told apart from ordinary text
            var core = encoded.Substring(first, last - first);
            cores.Add(core);
            var url = core.Replace('+', '-').Replace('/', '_');
            if (url != core) cores.Add(url);
        }

        return cores.ToArray();
    }
}
