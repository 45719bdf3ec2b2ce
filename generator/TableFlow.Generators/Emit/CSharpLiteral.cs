using System.Globalization;
using System.Text;

namespace TableFlow.Generators.Emit;

/// <summary>The one place that turns a string into C# source: every flow id, key and guidance goes through here.</summary>
internal static class CSharpLiteral
{
    /// <summary>A regular string literal with quotes, backslashes and every control or line-breaking character escaped.</summary>
    public static string Of(string? value)
    {
        if (value is null) return "null";
        var sb = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A well-formed pair (an emoji, say) is ordinary text.
                sb.Append(c).Append(value[++i]);
                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\0': sb.Append("\\0"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    // Line separators end a line in C# source; other control and unpaired surrogate chars are escaped so the file stays plain text.
                    if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
