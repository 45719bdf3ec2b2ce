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
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Templates;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// TF0015 for a template table declared as another collection (<c>List&lt;Line&gt;</c>, <c>Line[]</c>,
/// <c>IEnumerable&lt;Line&gt;</c>, …): changes the property's type to <c>IReadOnlyList&lt;Line&gt;</c>, keeping its
/// nullability, so the generator reads it as a table. Offered only for that situation of TF0015.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChangeToReadOnlyListCodeFixProvider))]
public sealed class ChangeToReadOnlyListCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(TemplateDiagnosticDescriptors.UnsupportedTableCollection.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FlowProblem.FixProperty, out var fix) || fix != TemplateDeclaration.ChangeToReadOnlyListFix) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not { } property) continue;
            var declared = property.Type is NullableTypeSyntax nullable ? nullable.ElementType : property.Type;
            if (model.GetTypeInfo(declared, context.CancellationToken).Type is not { } type || TemplateRules.OtherCollectionElement(type) is not { } element) continue;

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Change the type to IReadOnlyList<" + element.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ">",
                    ct => ChangeTypeAsync(context.Document, property, element, ct),
                    "TF0015.ChangeToReadOnlyList"),
                diagnostic);
        }
    }

    private static async Task<Document> ChangeTypeAsync(Document document, PropertyDeclarationSyntax property, ITypeSymbol element, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;

        var elementText = element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
            SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));
        TypeSyntax type = SyntaxFactory.ParseTypeName("global::System.Collections.Generic.IReadOnlyList<" + elementText + ">")
            .WithAdditionalAnnotations(Simplifier.Annotation);
        if (property.Type is NullableTypeSyntax) type = SyntaxFactory.NullableType(type);
        var updated = property.WithType(type.WithTriviaFrom(property.Type));
        var changed = document.WithSyntaxRoot(root.ReplaceNode(property, updated));
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: ct).ConfigureAwait(false);
    }
}
