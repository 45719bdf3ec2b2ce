using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// TF0001: adds <c>partial</c> to the <c>[TableFlow]</c> class and to every type declaration containing it that lacks
/// it. Fix-all works per document and adds each modifier once, even when several flow classes share an outer type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "TF0001.AddPartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ClassNotPartial.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (FlowClass(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Make the class and its containing types partial",
                    ct => AddPartialAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        => AddPartialAsync(document, diagnostics, context.CancellationToken)!;

    private static async Task<Document> AddPartialAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;

        var targets = new HashSet<TypeDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            for (var declaration = FlowClass(root, diagnostic); declaration is not null; declaration = declaration.Parent as TypeDeclarationSyntax)
            {
                if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword)) targets.Add(declaration);
            }
        }

        // ReplaceNodes hands each callback the already-rewritten inner nodes, so nested declarations compose.
        return document.WithSyntaxRoot(root.ReplaceNodes(targets, (_, rewritten) => WithPartial(rewritten)));
    }

    private static TypeDeclarationSyntax? FlowClass(SyntaxNode? root, Diagnostic diagnostic)
        => root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();

    /// <summary>Adds <c>partial</c> as the last modifier, where C# requires it, keeping the declaration's trivia.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0) return declaration.WithModifiers(declaration.Modifiers.Add(partial));

        var keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
