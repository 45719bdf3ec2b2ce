using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TableFlow.Generators;

/// <summary>
/// Reads the <c>///</c> summary of a property as plain text, for the generated parameter docs. The compiler only
/// hands out documentation XML when the consumer's parse options keep doc comments (a documentation file is
/// generated); with <c>DocumentationMode.None</c> the comment is ordinary trivia, so that is read as the fallback.
/// </summary>
internal static class FlowDocumentation
{
    /// <summary>The property's summary with tags flattened and whitespace collapsed, or <see langword="null"/>.</summary>
    public static string? ReadSummary(IPropertySymbol property, CancellationToken ct)
    {
        var fromCompiler = SummaryFromXml(property.GetDocumentationCommentXml(cancellationToken: ct));
        if (fromCompiler is not null) return fromCompiler;

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            var text = DocCommentFromTrivia(reference.GetSyntax(ct));
            var summary = SummaryFromXml(text is null ? null : "<doc>" + text + "</doc>");
            if (summary is not null) return summary;
        }

        return null;
    }

    /// <summary>The <c>///</c> lines in front of a declaration, without their <c>///</c> prefix, or <see langword="null"/>.</summary>
    private static string? DocCommentFromTrivia(SyntaxNode declaration)
    {
        StringBuilder? text = null;
        foreach (var trivia in declaration.GetLeadingTrivia())
        {
            string raw;
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                raw = trivia.ToFullString();
            }
            else if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith("///", StringComparison.Ordinal))
            {
                raw = trivia.ToString();
            }
            else
            {
                continue;
            }

            foreach (var line in raw.Split('\n'))
            {
                var trimmed = line.Trim();
                if (!trimmed.StartsWith("///", StringComparison.Ordinal)) continue;
                (text ??= new StringBuilder()).Append(trimmed.Substring(3)).Append('\n');
            }
        }

        return text?.ToString();
    }

    private static string? SummaryFromXml(string? xml)
    {
        if (xml is null || xml.Trim().Length == 0) return null;
        try
        {
            var root = XElement.Parse(xml, LoadOptions.None);
            var summary = root.Name.LocalName == "summary" ? root : root.Descendants("summary").FirstOrDefault();
            if (summary is null) return null;
            var sb = new StringBuilder();
            AppendText(summary, sb);
            var collapsed = Collapse(sb.ToString());
            return collapsed.Length == 0 ? null : collapsed;
        }
        catch (XmlException)
        {
            // Badly formed doc comments are the compiler's to report (CS1570); the parameter just gets the default doc.
            return null;
        }
    }

    private static void AppendText(XElement element, StringBuilder sb)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    sb.Append(text.Value);
                    break;
                case XElement child when child.Name.LocalName is "see" or "seealso" && !child.Nodes().Any():
                    sb.Append(ReferenceText(child));
                    break;
                case XElement child when child.Name.LocalName is "paramref" or "typeparamref":
                    sb.Append((string?)child.Attribute("name") ?? "");
                    break;
                case XElement child:
                    if (child.Name.LocalName == "para") sb.Append(' ');
                    AppendText(child, sb);
                    if (child.Name.LocalName == "para") sb.Append(' ');
                    break;
            }
        }
    }

    /// <summary><c>&lt;see cref="T:A.B.FlowFile"/&gt;</c> → <c>FlowFile</c>; <c>&lt;see langword="null"/&gt;</c> → <c>null</c>.</summary>
    private static string ReferenceText(XElement see)
    {
        var langword = (string?)see.Attribute("langword");
        if (langword is not null) return langword;
        var target = (string?)see.Attribute("cref") ?? (string?)see.Attribute("href") ?? "";
        var colon = target.IndexOf(':');
        if (colon is 1) target = target.Substring(2);
        var paren = target.IndexOf('(');
        if (paren >= 0) target = target.Substring(0, paren);
        var dot = target.LastIndexOf('.');
        return dot >= 0 && dot < target.Length - 1 && !target.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? target.Substring(dot + 1) : target;
    }

    /// <summary>Trims and collapses every run of white space (line breaks and <c>///</c> indentation included) to one space.</summary>
    internal static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
