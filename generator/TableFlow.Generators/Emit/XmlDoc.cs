using System.Globalization;
using System.Text;

namespace TableFlow.Generators.Emit;

/// <summary>The one place that turns text into XML doc content: every summary, key and guidance in a doc goes through here.</summary>
internal static class XmlDoc
{
    /// <summary>
    /// <paramref name="text"/> as XML text on one line: markup characters escaped, line breaks folded to spaces (a
    /// break would end the <c>///</c> comment) and characters XML 1.0 forbids written as <c>\uXXXX</c>.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A well-formed pair (an emoji, say) is ordinary text.
                sb.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\r' or '\n' or '\t' or '\u0085' or '\u2028' or '\u2029': sb.Append(' '); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
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

        return sb.ToString();
    }

    /// <summary><paramref name="text"/> escaped and wrapped in <c>&lt;c&gt;</c>.</summary>
    public static string Code(string text) => "<c>" + Escape(text) + "</c>";
}
