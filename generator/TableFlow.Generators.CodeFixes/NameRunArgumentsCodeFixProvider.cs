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
using Microsoft.CodeAnalysis.Operations;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// TF0012: names the optional arguments of a generated <c>RunAsync</c> call that were passed by position
/// (<c>flow.RunAsync(po, invoice, deliveryNote: note)</c>). Each gets the name of the parameter it binds to today, so
/// the fix keeps what the call sends and makes it visible; the reader then sees at once when a value sits in the
/// wrong parameter. Fix-all (document, project, solution) names every flagged argument.
/// </summary>
/// <remarks>
/// For the mistake the diagnostic exists for — a string meant as the run's name that landed in a guidance parameter,
/// <c>flow.RunAsync(po, invoice, null, "PO-123")</c> — a second action sends it as the run's name instead
/// (<c>flow.RunAsync(po, invoice, name: "PO-123")</c>), dropping the <c>null</c>/<c>default</c> placeholders that only
/// filled the positions before it. It changes what is sent, so it is offered one call at a time, never in a fix-all.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NameRunArgumentsCodeFixProvider))]
public sealed class NameRunArgumentsCodeFixProvider : CodeFixProvider
{
    private const string Title = "Name the optional arguments";
    private const string EquivalenceKey = "TF0012.NameArguments";
    private const string AsRunNameKey = "TF0012.AsRunName";
    private const string RunNameParameter = "name";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PositionalRunArgument.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (context, document, diagnostics) => context.CodeActionEquivalenceKey == EquivalenceKey
            ? await NameArgumentsAsync(document, diagnostics, asRunName: null, context.CancellationToken).ConfigureAwait(false)
            : document);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => NameArgumentsAsync(document, new[] { diagnostic }, asRunName: null, ct), EquivalenceKey),
                diagnostic);

            var call = await FindCallAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (call is { } found && CanBeRunName(found.Invocation, found.Argument))
            {
                var argument = found.Argument;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Send {Shorten(argument.Expression.ToString())} as the run's name",
                        ct => NameArgumentsAsync(document, new[] { diagnostic }, argument, ct),
                        AsRunNameKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// Names the argument of each diagnostic and every positional argument that follows it in the same call, so no
    /// positional argument is left after a named one (which C# before 7.2 does not allow). With
    /// <paramref name="asRunName"/>, that argument becomes <c>name: …</c> and the <c>null</c>/<c>default</c>
    /// placeholders among the others are dropped.
    /// </summary>
    private static async Task<Document> NameArgumentsAsync(Document document, IEnumerable<Diagnostic> diagnostics, ArgumentSyntax? asRunName, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;

        var renamed = new Dictionary<ArgumentSyntax, string>();
        var removed = new HashSet<ArgumentSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (await FindCallAsync(document, diagnostic, ct).ConfigureAwait(false) is not { } call) continue;
            var list = (ArgumentListSyntax)call.Argument.Parent!;
            var names = call.Invocation.Arguments
                .Where(a => a.Parameter is not null && a.Syntax is ArgumentSyntax)
                .ToDictionary(a => (ArgumentSyntax)a.Syntax, a => a.Parameter!.Name);

            for (var i = list.Arguments.IndexOf(call.Argument); i < list.Arguments.Count; i++)
            {
                var argument = list.Arguments[i];
                if (argument.NameColon is not null || !names.TryGetValue(argument, out var name)) continue;
                if (asRunName is null) renamed[argument] = name;
                else if (argument.Span == asRunName.Span) renamed[argument] = RunNameParameter;
                else if (IsPlaceholder(argument)) removed.Add(argument);
                else renamed[argument] = name;
            }

            // Sending it as the name leaves a gap: the optional arguments before it lose their positions. Placeholders,
            // which only kept those positions, go; real values get their names.
            if (asRunName is not null)
            {
                for (var i = 0; i < list.Arguments.IndexOf(call.Argument); i++)
                {
                    var argument = list.Arguments[i];
                    if (argument.NameColon is not null || !names.TryGetValue(argument, out var name) || !IsOptional(call.Invocation, argument)) continue;
                    if (IsPlaceholder(argument)) removed.Add(argument);
                    else renamed[argument] = name;
                }
            }
        }

        if (renamed.Count == 0 && removed.Count == 0) return document;
        // One pass: a list is rewritten after its arguments, so it drops placeholders from the renamed arguments.
        var lists = removed.Select(a => (ArgumentListSyntax)a.Parent!).Distinct();
        return document.WithSyntaxRoot(root.ReplaceNodes(
            renamed.Keys.Cast<SyntaxNode>().Concat(lists),
            (original, rewritten) => original is ArgumentSyntax argument
                ? Named(argument, renamed[argument])
                : Without((ArgumentListSyntax)original, (ArgumentListSyntax)rewritten, removed)));
    }

    private static async Task<(IInvocationOperation Invocation, ArgumentSyntax Argument)?> FindCallAsync(Document document, Diagnostic diagnostic, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null) return null;
        if (root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault()
            is not { Parent: ArgumentListSyntax { Parent: { } call } } argument)
        {
            return null;
        }

        return model.GetOperation(call, ct) is IInvocationOperation invocation ? (invocation, argument) : null;
    }

    /// <summary>A string argument that went into another parameter, in a call that does not set the run's name yet.</summary>
    private static bool CanBeRunName(IInvocationOperation invocation, ArgumentSyntax argument)
    {
        var bound = invocation.Arguments.FirstOrDefault(a => a.Syntax == argument);
        if (bound?.Parameter is not { } parameter || parameter.Name == RunNameParameter) return false;
        var value = bound.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : bound.Value;
        if (value.Type?.SpecialType != SpecialType.System_String) return false;

        var name = invocation.TargetMethod.Parameters.FirstOrDefault(p => p.Name == RunNameParameter);
        if (name is null || name.Type.SpecialType != SpecialType.System_String) return false;
        return !invocation.Arguments.Any(a => a.Parameter is { } p && p.Name == RunNameParameter && a.ArgumentKind == ArgumentKind.Explicit);
    }

    private static bool IsOptional(IInvocationOperation invocation, ArgumentSyntax argument)
        => invocation.Arguments.FirstOrDefault(a => a.Syntax == argument)?.Parameter?.IsOptional == true;

    /// <summary><c>null</c>, <c>default</c> or <c>default(T)</c>: what a parameter gets anyway when it is left out.</summary>
    private static bool IsPlaceholder(ArgumentSyntax argument)
        => argument.Expression.Kind() is SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression or SyntaxKind.DefaultExpression;

    /// <summary>Drops <paramref name="removed"/> from the list with one comma each, keeping the other arguments' trivia.</summary>
    private static ArgumentListSyntax Without(ArgumentListSyntax original, ArgumentListSyntax rewritten, HashSet<ArgumentSyntax> removed)
    {
        // Positions are the same in both lists: renaming rewrote arguments in place.
        var arguments = rewritten.Arguments;
        for (var i = original.Arguments.Count - 1; i >= 0; i--)
        {
            if (removed.Contains(original.Arguments[i])) arguments = arguments.RemoveAt(i);
        }

        return rewritten.WithArguments(arguments);
    }

    private static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 40 ? text : text.Substring(0, 37) + "…";
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
