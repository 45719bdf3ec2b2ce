using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// TF0008 for a primary constructor without a <c>TableFlowClient</c> parameter: adds <c>TableFlowClient client</c> as
/// its first parameter (first, so it never lands after an optional or <c>params</c> one), which the generated
/// <c>RunAsync</c> then uses. Other TF0008 reasons have no fix; they carry no fix property.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddClientParameterCodeFixProvider))]
public sealed class AddClientParameterCodeFixProvider : CodeFixProvider
{
    private const string Title = "Add a TableFlowClient parameter";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PrimaryConstructorWithoutClient.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FlowProblem.FixProperty, out var fix) || fix != FlowProblem.AddClientParameterFix) continue;
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<ParameterListSyntax>() is not { } list) continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => AddParameterAsync(context.Document, list, ct), "TF0008.AddClientParameter"),
                diagnostic);
        }
    }

    private static async Task<Document> AddParameterAsync(Document document, ParameterListSyntax list, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;

        var taken = list.Parameters.Select(p => p.Identifier.ValueText).ToImmutableHashSet();
        var name = taken.Contains("client") ? taken.Contains("tableFlowClient") ? "tableFlowClient2" : "tableFlowClient" : "client";
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
            .WithType(SyntaxFactory.ParseTypeName("global::TableFlow.TableFlowClient")
                .WithAdditionalAnnotations(Simplifier.Annotation)
                .WithTrailingTrivia(SyntaxFactory.Space));
        var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var parameters = list.Parameters.Count == 0
            ? SyntaxFactory.SingletonSeparatedList(parameter)
            : SyntaxFactory.SeparatedList(
                new[] { parameter.WithLeadingTrivia(list.Parameters[0].GetLeadingTrivia()) }.Concat(list.Parameters.Select((p, i) => i == 0 ? p.WithLeadingTrivia() : p)),
                new[] { separator }.Concat(list.Parameters.GetSeparators()));
        return document.WithSyntaxRoot(root.ReplaceNode(list, list.WithParameters(parameters)));
    }
}
