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
/// TF0007: changes a file-like property (<c>Stream</c>, <c>byte[]</c>, <c>FileInfo</c>, a file-named <c>string</c>, …)
/// to <c>FlowFile</c>, or a collection of them to <c>IReadOnlyList&lt;FlowFile&gt;</c>, keeping its nullability. A
/// file field holds no value, so an initializer or expression body goes and the property becomes <c>{ get; }</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChangeToFlowFileCodeFixProvider))]
public sealed class ChangeToFlowFileCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.LooksLikeFile.Id);

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
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not { } property) continue;
            var multiple = IsCollection(model.GetTypeInfo(StripNullable(property.Type), context.CancellationToken).Type);
            var title = multiple ? "Change the type to IReadOnlyList<FlowFile>" : "Change the type to FlowFile";
            context.RegisterCodeFix(
                // One key for both shapes, so fix-all changes every file-like property, each to its own shape.
                CodeAction.Create(title, ct => ChangeTypeAsync(context.Document, property, multiple, ct), "TF0007.ChangeToFlowFile"),
                diagnostic);
        }
    }

    private static async Task<Document> ChangeTypeAsync(Document document, PropertyDeclarationSyntax property, bool multiple, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null) return document;

        var nullable = property.Type is NullableTypeSyntax;
        var type = FlowFileTypeSyntax.Nullable(multiple ? FlowFileTypeSyntax.Multiple() : FlowFileTypeSyntax.Single(), nullable)
            .WithTriviaFrom(property.Type);
        var updated = property.WithType(type);

        if (updated.ExpressionBody is not null || updated.AccessorList is null)
        {
            updated = updated
                .WithIdentifier(updated.Identifier.WithTrailingTrivia(SyntaxFactory.Space))
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithAccessorList(GetOnly().WithTrailingTrivia(updated.SemicolonToken.TrailingTrivia));
        }
        else if (updated.Initializer is not null)
        {
            updated = updated
                .WithInitializer(null)
                .WithSemicolonToken(default)
                .WithAccessorList(updated.AccessorList.WithTrailingTrivia(updated.SemicolonToken.TrailingTrivia));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(property, updated));
    }

    private static AccessorListSyntax GetOnly()
        => SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
                SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))))
            .NormalizeWhitespace();

    private static TypeSyntax StripNullable(TypeSyntax type) => type is NullableTypeSyntax nullable ? nullable.ElementType : type;

    // byte[] and Memory<byte> are one file's bytes; an array or sequence of streams, FileInfos, paths … is several files.
    private static bool IsCollection(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String) return false;
        if (type is IArrayTypeSymbol array) return array.ElementType.SpecialType != SpecialType.System_Byte;
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named) return false;
        if (named.TypeArguments[0].SpecialType == SpecialType.System_Byte) return false;
        return named.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
               named.AllInterfaces.Any(i => i.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
    }
}
