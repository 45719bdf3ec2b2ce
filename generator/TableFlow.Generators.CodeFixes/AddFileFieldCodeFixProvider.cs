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
/// TF0003: adds a first file-field property, <c>public FlowFile Document { get; }</c>, at the top of a
/// <c>[TableFlow]</c> class that has none (with a name the class does not use yet), for the user to rename.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddFileFieldCodeFixProvider))]
public sealed class AddFileFieldCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NoFileFields.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Add a file-field property", ct => AddPropertyAsync(context.Document, declaration, ct), "TF0003.AddFileField"),
                diagnostic);
        }
    }

    private static async Task<Document> AddPropertyAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null) return document;

        var name = UnusedName(model.GetDeclaredSymbol(declaration, ct));
        var property = FileFieldPropertySyntax.Create(declaration, name, FlowFileTypeSyntax.Single());
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, declaration.WithMembers(declaration.Members.Insert(0, property))));
    }

    private static string UnusedName(INamedTypeSymbol? type)
    {
        var candidates = new[] { "Document", "File", "Upload" };
        foreach (var candidate in candidates)
        {
            if (type is null || (type.GetMembers(candidate).IsEmpty && type.Name != candidate)) return candidate;
        }

        for (var i = 2; ; i++)
        {
            if (type!.GetMembers("Document" + i).IsEmpty) return "Document" + i;
        }
    }
}
