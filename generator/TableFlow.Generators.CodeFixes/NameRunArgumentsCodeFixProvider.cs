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
/// TF0012: names the optional arguments of a generated <c>RunAsync</c> call that were passed by position
/// (<c>flow.RunAsync(po, invoice, name: "PO-123")</c>). Each gets the name of the parameter it binds to today, so
/// the fix keeps what the call sends and makes it visible; the reader then sees at once when a value sits in the
/// wrong parameter. Fix-all (document, project, solution) names every flagged argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NameRunArgumentsCodeFixProvider))]
public sealed class NameRunArgumentsCodeFixProvider : CodeFixProvider
{
    private const string Title = "Name the optional arguments";
    private const string EquivalenceKey = "TF0012.NameArguments";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PositionalRunArgument.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (context, document, diagnostics) =>
            await NameArgumentsAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => NameArgumentsAsync(document, new[] { diagnostic }, ct), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Names the argument of each diagnostic and every positional argument that follows it in the same call, so no
    /// positional argument is left after a named one (which C# before 7.2 does not allow).
    /// </summary>
    private static async Task<Document> NameArgumentsAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null) return document;

        var targets = new Dictionary<ArgumentSyntax, string>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false).AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault()
                is not { Parent: ArgumentListSyntax list } flagged)
            {
                continue;
            }

            if (model.GetOperation(list.Parent!, ct) is not Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation) continue;
            var names = invocation.Arguments
                .Where(a => a.Parameter is not null && a.Syntax is ArgumentSyntax)
                .ToDictionary(a => (ArgumentSyntax)a.Syntax, a => a.Parameter!.Name);

            for (var i = list.Arguments.IndexOf(flagged); i >= 0 && i < list.Arguments.Count; i++)
            {
                var argument = list.Arguments[i];
                if (argument.NameColon is null && names.TryGetValue(argument, out var name)) targets[argument] = name;
            }
        }

        if (targets.Count == 0) return document;
        return document.WithSyntaxRoot(root.ReplaceNodes(targets.Keys, (original, _) => Named(original, targets[original])));
    }

    /// <summary><c>value</c> → <c>parameter: value</c>, keeping the argument's leading trivia (line breaks, indentation) in front.</summary>
    private static ArgumentSyntax Named(ArgumentSyntax argument, string parameter)
    {
        // A parameter named after a keyword (a property 'Class' gives '@class') keeps its '@'.
        var identifier = SyntaxFacts.GetKeywordKind(parameter) != SyntaxKind.None
            ? SyntaxFactory.VerbatimIdentifier(default, "@" + parameter, parameter, default)
            : SyntaxFactory.Identifier(parameter);
        var leading = argument.GetLeadingTrivia();
        var nameColon = SyntaxFactory.NameColon(
                SyntaxFactory.IdentifierName(identifier),
                SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space))
            .WithLeadingTrivia(leading);
        return argument.WithoutLeadingTrivia().WithNameColon(nameColon);
    }
}
