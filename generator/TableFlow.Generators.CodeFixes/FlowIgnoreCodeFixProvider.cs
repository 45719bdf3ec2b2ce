using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// TF0007, the other answer: the property is deliberately not a field of the flow, so mark it <c>[FlowIgnore]</c>
/// (on its own line above the property), which says so in code instead of silencing the warning.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FlowIgnoreCodeFixProvider))]
public sealed class FlowIgnoreCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.LooksLikeFile.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not { } property) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Mark the property [FlowIgnore]", ct => AddFlowIgnoreAsync(context.Document, property, ct), "TF0007.FlowIgnore"),
                diagnostic);
        }
    }

    private static async Task<Document> AddFlowIgnoreAsync(Document document, PropertyDeclarationSyntax property, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;

        var leading = property.GetLeadingTrivia();
        var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var name = SyntaxFactory.ParseName("global::TableFlow.FlowIgnore").WithAdditionalAnnotations(Simplifier.Annotation);
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(name)))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(property.Parent is TypeDeclarationSyntax type ? FileFieldPropertySyntax.LineEnding(type) : SyntaxFactory.CarriageReturnLineFeed);

        // The attribute takes over the property's comments and indentation; the declaration keeps just the indentation.
        var updated = property.WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : default);
        updated = updated.WithAttributeLists(updated.AttributeLists.Insert(0, attribute));
        return document.WithSyntaxRoot(root.ReplaceNode(property, updated));
    }
}
