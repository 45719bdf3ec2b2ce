using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Rename;
using TableFlow.Generators.Diagnostics;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// TF0010, "a property names a field the flow does not have", when a real key is close: sends the suggested key
/// instead. A property whose key comes from its name is renamed (with every reference) to the name that gives the
/// key; a key written in <c>[FlowField("…")]</c> is rewritten there; when no property name gives the key, it is
/// written in a new <c>[FlowField("…")]</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameUnknownKeyCodeFixProvider))]
public sealed class RenameUnknownKeyCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "TF0010.RenameUnknownKey";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnknownFieldKey.Id);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UnknownKeyProperties.SuggestedKey, out var key) || key is null) continue;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not { } property) continue;

            if (node.FirstAncestorOrSelf<AttributeArgumentSyntax>() is { Expression: { } argument })
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Send the flow's key '{key}'", ct => ReplaceKeyAsync(context.Document, argument, key, ct), EquivalenceKey),
                    diagnostic);
            }
            else if (diagnostic.Properties.TryGetValue(UnknownKeyProperties.PropertyName, out var name) && name is { Length: > 0 })
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Rename '{property.Identifier.ValueText}' to '{name}' (the flow's key '{key}')", ct => RenameAsync(context.Document, property, name, ct), EquivalenceKey),
                    diagnostic);
            }
            else
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Send the flow's key '{key}'", ct => AddKeyAsync(context.Document, property, key, ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ReplaceKeyAsync(Document document, ExpressionSyntax argument, string key, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key)).WithTriviaFrom(argument);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, literal));
    }

    private static async Task<Document> AddKeyAsync(Document document, PropertyDeclarationSyntax property, string key, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;
        var keyArgument = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key)));

        // [FlowField(Guidance = "…")] already there: the key goes first in it.
        foreach (var list in property.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (!IsFlowField(attribute)) continue;
                var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
                return document.WithSyntaxRoot(root.ReplaceNode(attribute, attribute.WithArgumentList(arguments.WithArguments(arguments.Arguments.Insert(0, keyArgument)))));
            }
        }

        // Otherwise a new line [FlowField("key")] above the property, at its indentation.
        var leading = property.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
        var newList = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("FlowField"), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(keyArgument)))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"));
        var first = property.AttributeLists.Count > 0 ? (SyntaxNode)property.AttributeLists[0] : null;
        var updated = property.WithoutLeadingTrivia();
        updated = first is null
            ? updated.WithModifiers(ReIndent(updated.Modifiers, indentation)).WithAttributeLists(SyntaxFactory.SingletonList(newList))
            : updated.WithAttributeLists(updated.AttributeLists.Replace(updated.AttributeLists[0], updated.AttributeLists[0].WithLeadingTrivia(indentation)).Insert(0, newList));
        return document.WithSyntaxRoot(root.ReplaceNode(property, updated));
    }

    private static SyntaxTokenList ReIndent(SyntaxTokenList modifiers, SyntaxTrivia indentation)
        => modifiers.Count == 0 ? modifiers : modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(indentation));

    private static bool IsFlowField(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            _ => "",
        };
        return name is "FlowField" or "FlowFieldAttribute";
    }

    private static async Task<Solution> RenameAsync(Document document, PropertyDeclarationSyntax property, string name, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(property, ct) is not { } symbol) return document.Project.Solution;
        return await Renamer.RenameSymbolAsync(document.Project.Solution, symbol, new SymbolRenameOptions(), name, ct).ConfigureAwait(false);
    }
}
