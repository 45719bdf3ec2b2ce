using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// Type syntax for <c>FlowFile</c> shapes, written fully qualified and marked for simplification: it reads
/// <c>FlowFile</c> where <c>using TableFlow;</c> is in scope and <c>TableFlow.FlowFile</c> where it is not,
/// so a fix never adds a using directive the file does not need.
/// </summary>
internal static class FlowFileTypeSyntax
{
    /// <summary><c>FlowFile</c>.</summary>
    public static TypeSyntax Single() => Simplified("global::TableFlow.FlowFile");

    /// <summary><c>IReadOnlyList&lt;FlowFile&gt;</c>.</summary>
    public static TypeSyntax Multiple() => Simplified("global::System.Collections.Generic.IReadOnlyList<global::TableFlow.FlowFile>");

    /// <summary><paramref name="type"/>, made nullable when <paramref name="nullable"/>.</summary>
    public static TypeSyntax Nullable(TypeSyntax type, bool nullable) => nullable ? SyntaxFactory.NullableType(type) : type;

    private static TypeSyntax Simplified(string text)
        => SyntaxFactory.ParseTypeName(text).WithAdditionalAnnotations(Simplifier.Annotation);
}
