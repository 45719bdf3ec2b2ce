using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TableFlow.Generators;

/// <summary>
/// Turns a <c>[TableFlow]</c> class into a <see cref="FlowModel"/>: reads it through <see cref="FlowDeclaration"/>
/// (the rules the analyzers report from), then resolves every name and string the emitter needs.
/// </summary>
internal static class FlowParser
{
    /// <summary>Run-level parameters of <c>RunAsync</c>; file parameters give way to them.</summary>
    private static readonly string[] RunParameters = { "name", "metadata", "cancellationToken" };

    /// <summary>The model of the class the attribute sits on, or <see langword="null"/> when nothing should be generated.</summary>
    public static FlowModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type) return null;
        var declaration = FlowDeclaration.Read(type, ct);
        if (declaration is null || declaration.HasErrors || declaration.FlowId is null) return null;

        // With [TableFlow] repeated on several parts (already a compiler error), generate once, for the part that holds the first.
        var attributeSyntax = declaration.Attribute.ApplicationSyntaxReference;
        if (attributeSyntax is null || attributeSyntax.SyntaxTree != context.TargetNode.SyntaxTree ||
            !context.TargetNode.Span.Contains(attributeSyntax.Span))
        {
            return null;
        }

        var languageVersion = (context.TargetNode.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest;
        return Create(declaration, languageVersion >= LanguageVersion.CSharp8, ct);
    }

    /// <summary>The model of a declaration without errors.</summary>
    public static FlowModel Create(FlowDeclaration declaration, bool nullableAnnotations, CancellationToken ct)
    {
        var type = declaration.Type;
        var parameters = new UniqueNameBuilder();
        parameters.Reserve(RunParameters);

        // 'nameof' as a parameter would turn the nameof(...) checks in the body into calls.
        parameters.Reserve(new[] { "nameof" });

        var fileParameters = declaration.Fields
            .Select(f =>
            {
                var camel = UniqueNameBuilder.ToCamelCase(f.PropertyName);
                return parameters.Take(camel, camel + (f.Multiple ? "Files" : "File"));
            })
            .ToList();

        var fields = new List<FlowFieldModel>(declaration.Fields.Length);
        for (var i = 0; i < declaration.Fields.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            var field = declaration.Fields[i];
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
            declaration.FlowId!,
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
