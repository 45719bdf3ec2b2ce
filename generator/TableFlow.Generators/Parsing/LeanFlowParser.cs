using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TableFlow.Generators;

/// <summary>
/// The generator's fast path: reads a clean, common <c>[TableFlow]</c> class from its syntax, binding only each
/// property's type (and a file field's own symbol where its attributes or doc comment matter). It never judges a
/// declaration on its own: whenever it meets anything it is not sure about it gives up, and <see cref="FlowParser"/>
/// asks the full <see cref="FlowDeclaration.Read"/>, so the generator cannot disagree with the analyzers.
/// </summary>
internal static class LeanFlowParser
{
    /// <summary>One file field as the lean path reads it.</summary>
    internal readonly struct Field
    {
        /// <summary>A file field with the given values.</summary>
        public Field(string propertyName, string key, bool required, bool multiple, string? defaultGuidance, string? docSummary)
        {
            PropertyName = propertyName;
            Key = key;
            Required = required;
            Multiple = multiple;
            DefaultGuidance = defaultGuidance;
            DocSummary = docSummary;
        }

        /// <summary>The declaring property's name (without <c>@</c>).</summary>
        public string PropertyName { get; }
        /// <summary>The form key.</summary>
        public string Key { get; }
        /// <summary>Whether a run needs the file(s).</summary>
        public bool Required { get; }
        /// <summary>Whether the field takes several files.</summary>
        public bool Multiple { get; }
        /// <summary>The <c>[FlowField(Guidance = …)]</c> default, or <see langword="null"/>.</summary>
        public string? DefaultGuidance { get; }
        /// <summary>The property's summary as plain text, or <see langword="null"/>.</summary>
        public string? DocSummary { get; }
    }

    /// <summary>
    /// The flow id and file fields of <paramref name="type"/> when the declaration is surely valid, or
    /// <see langword="false"/> when the full read has to decide (anything unusual, and every invalid declaration).
    /// </summary>
    public static bool TryRead(
        INamedTypeSymbol type,
        ClassDeclarationSyntax node,
        IReadOnlyList<AttributeData> attributes,
        SemanticModel semanticModel,
        CancellationToken ct,
        out string flowId,
        out List<Field> fields)
    {
        flowId = "";
        fields = new List<Field>();

        // Several parts, syntax errors, or [TableFlow] twice: the full read decides.
        if (attributes.Count != 1 || type.DeclaringSyntaxReferences.Length != 1 || node.ContainsDiagnostics) return false;
        if (node.ParameterList is not null || !node.Modifiers.Any(SyntaxKind.PartialKeyword)) return false;
        if (FlowRules.WhyCannotTakeMembers(type, null, ct) is not null) return false;
        // A base class may hold members the generated ones would hide (TF0009): the full read checks them.
        if (type.BaseType is not { SpecialType: SpecialType.System_Object }) return false;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            foreach (var reference in outer.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(ct) is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)) return false;
            }
        }

        var attribute = attributes[0];
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 ||
            attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error ||
            attribute.ConstructorArguments[0].Value is not string id || !FlowRules.IsValidFlowId(id, out _))
        {
            return false;
        }

        flowId = id;

        // A user member with a generated name (TF0009): the full read tells a clash from a harmless overload.
        foreach (var name in FlowRules.GeneratedMemberNames)
        {
            if (type.MemberNames.Contains(name)) return false;
        }

        foreach (var member in node.Members)
        {
            ct.ThrowIfCancellationRequested();
            switch (member)
            {
                case ConstructorDeclarationSyntax { ParameterList.Parameters.Count: 1 } ctor when !ctor.Modifiers.Any(SyntaxKind.StaticKeyword):
                    return false;
                case PropertyDeclarationSyntax property:
                    if (!TryReadProperty(property, semanticModel, ct, fields)) return false;
                    break;
            }
        }

        return fields.Count > 0 && KeysAreClean(fields);
    }

    private static bool TryReadProperty(PropertyDeclarationSyntax property, SemanticModel semanticModel, CancellationToken ct, List<Field> fields)
    {
        if (property.ExplicitInterfaceSpecifier is not null || property.Modifiers.Any(SyntaxKind.StaticKeyword)) return true;
        if (property.Modifiers.Any(SyntaxKind.PartialKeyword)) return false;

        // Only a file-typed property becomes a field; anything else can at most draw a warning (TF0007).
        var bound = semanticModel.GetTypeInfo(property.Type, ct).Type;
        if (bound is null || bound.TypeKind == TypeKind.Error || !MentionsFlowFile(bound)) return true;

        var shape = FlowRules.ClassifyType(bound, out _);
        if (shape == FieldShape.None) return true;

        // A bound type syntax carries no annotation; the declared type is annotated exactly when written with '?'.
        var nullable = property.Type is NullableTypeSyntax;

        // The property's own symbol only where its attributes or its doc comment matter.
        var docKind = DocTrivia(property);
        if (docKind == DocKind.Unsure) return false;
        string? summary = null;
        var plainSummary = docKind == DocKind.Plain && TryReadPlainSummary(property, out summary);
        IPropertySymbol? symbol = null;
        if (property.AttributeLists.Count > 0 || (docKind == DocKind.Plain && !plainSummary))
        {
            symbol = semanticModel.GetDeclaredSymbol(property, ct);
            if (symbol is null) return false;
        }

        var name = property.Identifier.ValueText;
        var key = FlowRules.ToSnakeCase(name);
        var required = !nullable;
        string? guidance = null;
        if (property.AttributeLists.Count > 0)
        {
            var attributes = symbol!.GetAttributes();
            if (FlowRules.FindAttribute(attributes, FlowRules.FlowIgnoreAttributeName) is not null) return true;
            var flowField = FlowRules.FindAttribute(attributes, FlowRules.FlowFieldAttributeName);
            if (flowField is not null)
            {
                // A half-typed or unresolved [FlowField]: the full read decides.
                if (flowField.AttributeConstructor is null || flowField.ConstructorArguments.Length > 1 ||
                    flowField.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error) ||
                    flowField.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error))
                {
                    return false;
                }

                if (flowField.ConstructorArguments.Length == 1) key = flowField.ConstructorArguments[0].Value as string ?? "";
                foreach (var named in flowField.NamedArguments)
                {
                    if (named.Key == "Guidance") guidance = named.Value.Value as string;
                    else if (named.Key == "Required" && named.Value.Value is bool value) required = value;
                }
            }
        }

        if (docKind == DocKind.Plain && !plainSummary) summary = FlowDocumentation.ReadSummary(symbol!, ct);
        fields.Add(new Field(name, key, required, shape == FieldShape.Multi, guidance, summary));
        return true;
    }

    /// <summary>Whether <paramref name="type"/> is or holds a type named <c>FlowFile</c>, a cheap test before the exact one.</summary>
    private static bool MentionsFlowFile(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => MentionsFlowFile(array.ElementType),
        INamedTypeSymbol { Name: "FlowFile" } => true,
        INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Length == 1 && MentionsFlowFile(named.TypeArguments[0]),
        _ => false,
    };

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
    /// read from the trivia with whitespace collapsed as <see cref="FlowDocumentation"/> does; anything richer is left
    /// to <see cref="FlowDocumentation.ReadSummary"/>.
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

        var collapsed = FlowDocumentation.Collapse(inner);
        summary = collapsed.Length == 0 ? null : collapsed;
        return true;
    }

    /// <summary>Every key valid, none repeated and none colliding with a reserved or derived name (TF0004–TF0006).</summary>
    private static bool KeysAreClean(List<Field> fields)
    {
        var keys = new List<(string Key, bool Multiple)>(fields.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!FlowRules.IsValidFormKey(field.Key, out _) || !seen.Add(field.Key)) return false;
            keys.Add((field.Key, field.Multiple));
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (FlowRules.FindReservedCollision(keys, i) is not null) return false;
        }

        return true;
    }
}
