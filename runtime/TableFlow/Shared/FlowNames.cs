// One source for the rules on the names a run request is made of. This file is compiled into three assemblies:
// the runtime (TableFlow, where it lives), the generator (TableFlow.Generators: the TF0002, TF0005 and TF0006
// analyzers and the snake_case key derivation) and the emulator (TableFlow.Testing: its flow definitions and its
// 400 answers). Each links it with <Compile Include="…" Link="Shared/FlowNames.cs" />, as System.Text.Json's source
// generator compiles the runtime's naming policy, so the three cannot drift apart. It must therefore build for
// netstandard2.0 under the analyzer rules of a Roslyn component: no I/O, no dependencies beyond the BCL.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TableFlow;

/// <summary>
/// The names of a flow run request and the rules they follow: form keys (multipart field names), flow and run ids
/// (URL path segments), the names derived from a field's key (<c>{key}_metadata</c>, <c>{key}_guidance</c>,
/// <c>{key}_{n}</c>), the run's own fields (<c>name</c>, <c>metadata</c>), the snake_case key of a property, and how
/// a name is written in a message. Each check returns <see langword="null"/> when the name is fine, or the reason it
/// is not, as a clause that the caller puts into its own sentence ("… is not a valid form field name: {reason}").
/// </summary>
internal static class FlowNames
{
    /// <summary>The form field of the run's name.</summary>
    public const string NameKey = "name";

    /// <summary>The form field of the run's metadata.</summary>
    public const string MetadataKey = "metadata";

    /// <summary>Appended to a field's key for that field's metadata part.</summary>
    public const string MetadataSuffix = "_metadata";

    /// <summary>Appended to a field's key for that field's guidance part.</summary>
    public const string GuidanceSuffix = "_guidance";

    /// <summary>Form keys the API gives a meaning of its own: the run's <c>name</c> and <c>metadata</c>.</summary>
    public static readonly string[] ReservedKeys = { NameKey, MetadataKey };

    /// <summary>
    /// Why <paramref name="key"/> cannot be a multipart form field name, or <see langword="null"/> when it can. A key
    /// must be non-empty, have no surrounding white space, and hold no quote, backslash or control character: the
    /// name is written inside a quoted header parameter, where a backslash starts an escape and a line break ends
    /// the header.
    /// </summary>
    public static string? FormKeyProblem(string? key)
    {
        if (key is null || key.Trim().Length == 0) return "it is empty";
        foreach (var c in key)
        {
            if (c < 0x20 || c == 0x7F || c == '"' || c == '\\')
            {
                return $"it contains '{Printable(c)}', which cannot stand in a multipart field name";
            }
        }

        if (key.Trim().Length != key.Length) return "it starts or ends with white space";
        return null;
    }

    /// <summary>
    /// Why <paramref name="id"/> cannot be a flow or run id, or <see langword="null"/> when it can. Ids are sent as a
    /// URL path segment (<c>v2/flows/{id}/run</c>, <c>v2/flows/runs/{id}</c>) as they are, so they take only the
    /// unreserved URL characters — letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>~</c> — and are not <c>.</c> or
    /// <c>..</c>, which a URL resolves away.
    /// </summary>
    public static string? IdProblem(string? id)
    {
        if (id is null || id.Trim().Length == 0) return "it is empty";
        if (id is "." or "..") return $"'{id}' is a relative path segment";
        foreach (var c in id)
        {
            if (!IsUnreserved(c))
            {
                return $"it contains '{Printable(c)}', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')";
            }
        }

        return null;
    }

    /// <summary>
    /// Why the key at <paramref name="index"/> of <paramref name="keys"/> collides with a name the request already
    /// uses, or <see langword="null"/> when it does not: the run's <c>name</c> or <c>metadata</c>, or another
    /// field's <c>{key}_metadata</c>, <c>{key}_guidance</c> or (for a field of several files) <c>{key}_{n}</c>.
    /// Keys are compared as sent: ordinally.
    /// </summary>
    public static string? CollisionProblem(IReadOnlyList<(string Key, bool Multiple)> keys, int index)
    {
        var key = keys[index].Key;
        foreach (var reserved in ReservedKeys)
        {
            if (string.Equals(key, reserved, StringComparison.Ordinal)) return $"'{key}' is the run's own form field";
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (i != index && DerivedNameProblem(key, keys[i].Key, keys[i].Multiple) is { } problem) return problem;
        }

        return null;
    }

    /// <summary>
    /// The first collision that involves the key at <paramref name="index"/>, either way round: that key is a name
    /// derived from another key (or reserved), or another key is a name derived from it. For a key joining keys that
    /// were fine among themselves, as <c>FlowRunRequest</c> and the emulator's flow builder add them one by one;
    /// <see langword="null"/> when there is none.
    /// </summary>
    public static string? CollisionProblemWith(IReadOnlyList<(string Key, bool Multiple)> keys, int index)
    {
        if (CollisionProblem(keys, index) is { } own) return own;
        var (added, multiple) = keys[index];
        for (var i = 0; i < keys.Count; i++)
        {
            if (i != index && DerivedNameProblem(keys[i].Key, added, multiple) is { } problem) return problem;
        }

        return null;
    }

    /// <summary>Why <paramref name="key"/> is one of the names derived from the field <paramref name="field"/>, or <see langword="null"/>.</summary>
    private static string? DerivedNameProblem(string key, string field, bool fieldIsMultiple)
    {
        if (string.Equals(key, field + MetadataSuffix, StringComparison.Ordinal)) return $"'{key}' is the metadata field of '{field}'";
        if (string.Equals(key, field + GuidanceSuffix, StringComparison.Ordinal)) return $"'{key}' is the guidance field of '{field}'";
        if (fieldIsMultiple && key.Length > field.Length + 1 && key.StartsWith(field + "_", StringComparison.Ordinal) && IsDigits(key, field.Length + 1))
        {
            return $"'{key}' is one of the numbered file parts of '{field}'";
        }

        return null;
    }

    /// <summary>
    /// The form key of a property: its name in snake_case. <c>PurchaseOrder</c> → <c>purchase_order</c>,
    /// <c>HTMLReport</c> → <c>html_report</c>, <c>Scan2Page</c> → <c>scan2_page</c>; a leading <c>@</c> is dropped.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        if (name[0] == '@') name = name.Substring(1);
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A character as a C# literal would write it, for messages: <c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\0</c>, <c>\u001B</c>.</summary>
    public static string Printable(char c) => c switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        '\0' => "\\0",
        _ when c < 0x20 || c == 0x7F => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };

    /// <summary>
    /// <paramref name="text"/> with its control characters written as escapes, for messages: a name that holds a
    /// line break must not break the message (or a log line) it is quoted in.
    /// </summary>
    public static string Printable(string? text)
    {
        if (text is null) return "";
        var plain = true;
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7F)
            {
                plain = false;
                break;
            }
        }

        if (plain) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text) sb.Append(Printable(c));
        return sb.ToString();
    }

    private static bool IsUnreserved(char c)
        => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~';

    private static bool IsDigits(string s, int start)
    {
        for (var i = start; i < s.Length; i++)
        {
            if (s[i] is < '0' or > '9') return false;
        }

        return start < s.Length;
    }
}
