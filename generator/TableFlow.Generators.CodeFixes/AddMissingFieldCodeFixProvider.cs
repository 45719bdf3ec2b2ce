using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Diagnostics;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// TF0010, "a required field of the flow has no property": declares it, as <c>FlowFile</c> (or
/// <c>IReadOnlyList&lt;FlowFile&gt;</c> for a <c>"multiple": true</c> field), after the class's last file-field
/// property. The key goes in <c>[FlowField("key")]</c> when the property name does not derive it. Fix-all adds every
/// missing field of a document in the flow's order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingFieldCodeFixProvider))]
public sealed class AddMissingFieldCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "TF0010.AddMissingField";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.RequiredFieldMissing.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await AddFieldsAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(MissingFieldProperties.Key, out var key) || key is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Add a property for the flow's field '{key}'", ct => AddFieldsAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> AddFieldsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null) return document;

        var additions = new Dictionary<ClassDeclarationSyntax, List<Diagnostic>>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(FieldIndex))
        {
            if (!diagnostic.Properties.ContainsKey(MissingFieldProperties.Key)) continue;
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration) continue;
            if (!additions.TryGetValue(declaration, out var list)) additions[declaration] = list = new List<Diagnostic>();
            list.Add(diagnostic);
        }

        var newRoot = root.ReplaceNodes(additions.Keys, (original, rewritten) =>
        {
            var type = model.GetDeclaredSymbol(original, ct);
            var taken = new HashSet<string>(type?.MemberNames ?? Enumerable.Empty<string>()) { original.Identifier.ValueText };
            var properties = additions[original].Select(d => CreateProperty(rewritten, d, taken)).ToList();
            return rewritten.WithMembers(rewritten.Members.InsertRange(InsertionIndex(rewritten), properties));
        });
        return document.WithSyntaxRoot(newRoot);
    }

    private static MemberDeclarationSyntax CreateProperty(ClassDeclarationSyntax declaration, Diagnostic diagnostic, HashSet<string> taken)
    {
        var key = diagnostic.Properties[MissingFieldProperties.Key]!;
        var name = diagnostic.Properties.TryGetValue(MissingFieldProperties.PropertyName, out var suggested) && suggested is { Length: > 0 } ? suggested : "File";
        var baseName = name;
        for (var i = 2; !taken.Add(name); i++) name = baseName + "File" + (i == 2 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var multiple = diagnostic.Properties.TryGetValue(MissingFieldProperties.Multiple, out var m) && m == "true";
        var type = multiple ? FlowFileTypeSyntax.Multiple() : FlowFileTypeSyntax.Single();
        return FileFieldPropertySyntax.Create(declaration, name, type, FlowRules.ToSnakeCase(name) == key ? null : key);
    }

    private static int FieldIndex(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(MissingFieldProperties.Index, out var text) &&
           int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : int.MaxValue;

    // After the last property whose type mentions FlowFile, so the flow's fields stay together; else first.
    private static int InsertionIndex(ClassDeclarationSyntax declaration)
    {
        for (var i = declaration.Members.Count - 1; i >= 0; i--)
        {
            if (declaration.Members[i] is PropertyDeclarationSyntax property && property.Type.ToString().Contains("FlowFile")) return i + 1;
        }

        return 0;
    }
}
