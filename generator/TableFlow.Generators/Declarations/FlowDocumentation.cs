using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TableFlow.Generators.Declarations;

/// <summary>
/// Reads the <c>///</c> summary of a property as plain text, for the generated parameter docs. The compiler only
/// hands out documentation XML when the consumer's parse options keep doc comments (a documentation file is
/// generated); with <c>DocumentationMode.None</c> the comment is ordinary trivia, so that is read as the fallback.
/// </summary>
internal static class FlowDocumentation
{
    /// <summary>
    /// The summary of <paramref name="property"/>: the commonest doc comment (one plain <c>&lt;summary&gt;</c>) straight
    /// from its trivia, anything richer (<c>cref</c>, <c>include</c>, <c>inheritdoc</c>, entities, tags) through the
    /// property's symbol, which <paramref name="binder"/> binds only then.
    /// </summary>
    public static string? ReadSummary(PropertyDeclarationSyntax property, PropertyBinder binder, CancellationToken ct)
    {
        var kind = DocTrivia(property);
        if (kind == DocKind.None) return null;
        if (kind == DocKind.Plain && TryReadPlainSummary(property, out var summary)) return summary;
        return binder.SymbolOf(property, ct) is { } symbol ? ReadSummary(symbol, ct) : null;
    }

    private enum DocKind
    {
        None,
        Plain,
        Unsure,
    }

    /// <summary>
    /// Whether the property has a doc comment, and whether it is plain: <c>/** */</c> comments, <c>cref</c>,
    /// <c>include</c> and <c>inheritdoc</c> read differently with and without a documentation file, so the full read decides.
    /// </summary>
    private static DocKind DocTrivia(PropertyDeclarationSyntax property)
    {
        var kind = DocKind.None;
        foreach (var trivia in property.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)) return DocKind.Unsure;
            if (trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) && trivia.ToString().StartsWith("/**", StringComparison.Ordinal)) return DocKind.Unsure;
            var isDoc = trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) ||
                        (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith("///", StringComparison.Ordinal));
            if (!isDoc) continue;
            var text = trivia.ToFullString();
            if (text.IndexOf("cref", StringComparison.OrdinalIgnoreCase) >= 0 ||
                text.IndexOf("include", StringComparison.OrdinalIgnoreCase) >= 0 ||
                text.IndexOf("inheritdoc", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return DocKind.Unsure;
            }

            kind = DocKind.Plain;
        }

        return kind;
    }

    /// <summary>
    /// The summary of the commonest doc comment, one <c>&lt;summary&gt;</c> of plain text (no other tag, no entity),
    /// read from the trivia with whitespace collapsed as this class does; anything richer is left
    /// to the compiler's documentation XML.
    /// </summary>
    private static bool TryReadPlainSummary(PropertyDeclarationSyntax property, out string? summary)
    {
        summary = null;
        var text = new StringBuilder();
        foreach (var trivia in property.GetLeadingTrivia())
        {
            var isDoc = trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) ||
                        (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith("///", StringComparison.Ordinal));
            if (!isDoc) continue;
            foreach (var line in trivia.ToFullString().Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("///", StringComparison.Ordinal)) text.Append(trimmed.Substring(3)).Append('\n');
            }
        }

        var doc = text.ToString();
        const string open = "<summary>", close = "</summary>";
        var start = doc.IndexOf(open, StringComparison.Ordinal);
        var end = doc.IndexOf(close, StringComparison.Ordinal);
        if (start < 0 || end < start) return false;
        var inner = doc.Substring(start + open.Length, end - start - open.Length);
        var outside = doc.Substring(0, start) + doc.Substring(end + close.Length);
        if (inner.IndexOf('<') >= 0 || inner.IndexOf('&') >= 0 || outside.Trim().Length > 0) return false;

        var collapsed = Collapse(inner);
        summary = collapsed.Length == 0 ? null : collapsed;
        return true;
    }

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
