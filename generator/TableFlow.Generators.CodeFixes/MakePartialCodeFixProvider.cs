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
/// TF0001 (and TF0013 for a <c>[TableFlowTemplate]</c> class): adds <c>partial</c> to every declaration, in any file, of the <c>[TableFlow]</c> class and of each type
/// containing it that lacks it. Fix-all (document, project, solution) adds each modifier once, even when several
/// flow classes share an outer type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    private const string Title = "Make the class and its containing types partial";
    private const string EquivalenceKey = "TF0001.AddPartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ClassNotPartial.Id, Templates.TemplateDiagnosticDescriptors.ClassNotPartial.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => MakePartialFixAllProvider.Instance;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => AddPartialAsync(document.Project.Solution, new[] { (document, diagnostic) }, ct), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds <c>partial</c> wherever the flow classes of <paramref name="diagnostics"/> and their containers lack it.</summary>
    internal static async Task<Solution> AddPartialAsync(Solution solution, IEnumerable<(Document Document, Diagnostic Diagnostic)> diagnostics, CancellationToken ct)
    {
        var targets = new Dictionary<SyntaxTree, HashSet<TypeDeclarationSyntax>>();
        foreach (var (document, diagnostic) in diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            var declaration = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null || model?.GetDeclaredSymbol(declaration, ct) is not INamedTypeSymbol type) continue;

            for (var t = type; t is not null; t = t.ContainingType)
            {
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(ct) is not TypeDeclarationSyntax node || node.Modifiers.Any(SyntaxKind.PartialKeyword)) continue;
                    if (!targets.TryGetValue(reference.SyntaxTree, out var nodes)) targets[reference.SyntaxTree] = nodes = new HashSet<TypeDeclarationSyntax>();
                    nodes.Add(node);
                }
            }
        }

        foreach (var pair in targets)
        {
            // Declarations in generated trees have no document to change (and the generator writes 'partial' itself).
            if (solution.GetDocument(pair.Key) is not { } document) continue;
            var root = await pair.Key.GetRootAsync(ct).ConfigureAwait(false);
            // ReplaceNodes hands each callback the already-rewritten inner nodes, so nested declarations compose.
            solution = solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(pair.Value, (_, rewritten) => WithPartial(rewritten)));
        }

        return solution;
    }

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

    /// <summary>Collects the TF0001 diagnostics of the fix-all scope and fixes them in one solution change.</summary>
    private sealed class MakePartialFixAllProvider : FixAllProvider
    {
        public static readonly MakePartialFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext context)
            => Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => FixAllAsync(context, ct), EquivalenceKey));

        private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken ct)
        {
            var documents = context.Scope switch
            {
                FixAllScope.Document when context.Document is not null => new[] { context.Document },
                FixAllScope.Project => context.Project.Documents.ToArray(),
                FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => System.Array.Empty<Document>(),
            };

            var diagnostics = new List<(Document, Diagnostic)>();
            foreach (var document in documents)
            {
                foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    diagnostics.Add((document, diagnostic));
                }
            }

            return await AddPartialAsync(context.Solution, diagnostics, ct).ConfigureAwait(false);
        }
    }
}
