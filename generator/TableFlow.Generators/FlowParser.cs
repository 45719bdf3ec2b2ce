using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TableFlow.Generators;

/// <summary>
/// Turns a <c>[TableFlow]</c> class into a <see cref="FlowModel"/>: a clean, common declaration through the cheap
/// <see cref="LeanFlowParser"/>, anything else through <see cref="FlowDeclaration"/> (the rules the analyzers report
/// from), then resolves every name and string the emitter needs.
/// </summary>
internal static class FlowParser
{
    /// <summary>Run-level parameters of <c>RunAsync</c>; file parameters give way to them.</summary>
    private static readonly string[] RunParameters = { "name", "metadata", "cancellationToken" };

    /// <summary>The model of the class the attribute sits on, or <see langword="null"/> when nothing should be generated.</summary>
    public static FlowModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not ClassDeclarationSyntax node) return null;
        return ParseLean(type, node, context.Attributes, context.SemanticModel, ct, out _) ??
               ParseFull(type, node, ct);
    }

    /// <summary>
    /// The model from <see cref="LeanFlowParser"/>, or <see langword="null"/> with <paramref name="decided"/> false
    /// when the declaration is not one the lean path is sure about.
    /// </summary>
    internal static FlowModel? ParseLean(
        INamedTypeSymbol type, ClassDeclarationSyntax node, IReadOnlyList<AttributeData> attributes, SemanticModel semanticModel,
        CancellationToken ct, out bool decided)
    {
        decided = LeanFlowParser.TryRead(type, node, attributes, semanticModel, ct, out var flowId, out var fields);
        return decided ? Create(type, flowId, fields, NullableAnnotations(node), ct) : null;
    }

    /// <summary>The model from the analyzers' full <see cref="FlowDeclaration.Read"/>, or <see langword="null"/>.</summary>
    internal static FlowModel? ParseFull(INamedTypeSymbol type, ClassDeclarationSyntax node, CancellationToken ct)
    {
        var declaration = FlowDeclaration.Read(type, ct);
        if (declaration is null || declaration.HasErrors || declaration.FlowId is null) return null;

        // With [TableFlow] repeated on several parts (already a compiler error), generate once, for the part that holds the first.
        var attributeSyntax = declaration.Attribute.ApplicationSyntaxReference;
        if (attributeSyntax is null || attributeSyntax.SyntaxTree != node.SyntaxTree || !node.Span.Contains(attributeSyntax.Span))
        {
            return null;
        }

        return Create(declaration, NullableAnnotations(node), ct);
    }

    private static bool NullableAnnotations(SyntaxNode node)
        => ((node.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest) >= LanguageVersion.CSharp8;

    /// <summary>The model of a declaration without errors.</summary>
    public static FlowModel Create(FlowDeclaration declaration, bool nullableAnnotations, CancellationToken ct)
        => Create(
            declaration.Type,
            declaration.FlowId!,
            declaration.Fields.Select(f => new LeanFlowParser.Field(f.PropertyName, f.Key, f.Required, f.Multiple, f.DefaultGuidance, f.DocSummary)).ToList(),
            nullableAnnotations,
            ct);

    /// <summary>The model of a valid flow class with the given flow id and file fields.</summary>
    private static FlowModel Create(INamedTypeSymbol type, string flowId, IReadOnlyList<LeanFlowParser.Field> declaredFields, bool nullableAnnotations, CancellationToken ct)
    {
        var parameters = new UniqueNameBuilder();
        parameters.Reserve(RunParameters);

        // 'nameof' as a parameter would turn the nameof(...) checks in the body into calls.
        parameters.Reserve(new[] { "nameof" });

        var fileParameters = declaredFields
            .Select(f =>
            {
                var camel = UniqueNameBuilder.ToCamelCase(f.PropertyName);
                return parameters.Take(camel, camel + (f.Multiple ? "Files" : "File"));
            })
            .ToList();

        var fields = new List<FlowFieldModel>(declaredFields.Count);
        for (var i = 0; i < declaredFields.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var field = declaredFields[i];
            var baseName = fileParameters[i].TrimStart('@');
            // Keep the pair alike: when either plain name is taken, both take the longer form.
            if (parameters.IsTaken(baseName + "Metadata") || parameters.IsTaken(baseName + "Guidance"))
            {
                baseName += field.Multiple ? "Files" : "File";
            }

            fields.Add(new FlowFieldModel(
                field.PropertyName,
                field.Key,
                field.Required,
                field.Multiple,
                field.DefaultGuidance,
                field.DocSummary,
                fileParameters[i],
                parameters.Take(baseName + "Metadata"),
                parameters.Take(baseName + "Guidance")));
        }

        var locals = new UniqueNameBuilder();
        locals.Reserve(RunParameters);
        locals.Reserve(fields.SelectMany(f => new[] { f.Parameter, f.MetadataParameter, f.GuidanceParameter }));

        var members = new UniqueNameBuilder();
        members.Reserve(type.MemberNames);
        members.Reserve(FlowRules.GeneratedMemberNames);

        return new FlowModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length) : null,
            new EquatableArray<string>(ContainingTypeHeaders(type)),
            UniqueNameBuilder.Escape(type.Name),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            HintName(type),
            flowId,
            nullableAnnotations,
            members.Take("_tableFlowClient", "__tableFlowClient"),
            locals.Take("request", "flowRunRequest"),
            new EquatableArray<FlowFieldModel>(fields));
    }

    /// <summary>Headers such as <c>partial record struct Outer</c>, outer first.</summary>
    private static IEnumerable<string> ContainingTypeHeaders(INamedTypeSymbol type)
    {
        var headers = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var keyword = outer.IsRecord
                ? (outer.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : outer.TypeKind == TypeKind.Struct ? "struct" : "class";
            headers.Add("partial " + keyword + " " + UniqueNameBuilder.Escape(outer.Name));
        }

        headers.Reverse();
        return headers;
    }

    /// <summary>
    /// <c>A.B.Outer+Name.g.cs</c>: the namespace and the nesting chain, kept apart by <c>+</c> so that no two classes
    /// share a hint name, even in code that declares a namespace and a type of the same name.
    /// </summary>
    private static string HintName(INamedTypeSymbol type)
    {
        var types = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType) types.Insert(0, t.MetadataName);
        var name = string.Join("+", types);
        if (type.ContainingNamespace is { IsGlobalNamespace: false } ns) name = ns.ToDisplayString() + "." + name;
        return name.Replace("@", "") + ".g.cs";
    }
}
