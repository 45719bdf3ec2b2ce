using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Emit;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Model;

/// <summary>
/// Turns a <c>[TableFlow]</c> class into a <see cref="FlowModel"/>: reads it with <see cref="FlowDeclaration.Read(INamedTypeSymbol, AttributeData, PropertyBinder, bool, CancellationToken)"/>
/// — the reader the analyzers report from, so the generator cannot disagree with them — binding through the semantic
/// model it is handed, then resolves every name and string the emitter needs.
/// </summary>
internal static class FlowParser
{
    /// <summary>Run-level parameters of <c>RunAsync</c>; file parameters give way to them.</summary>
    private static readonly string[] RunParameters = { "name", "metadata", "cancellationToken" };

    /// <summary>The model of the class the attribute sits on, or <see langword="null"/> when nothing should be generated.</summary>
    public static FlowModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax node) return null;

        // A class whose name is not typed yet (the compiler already reports it) would give a nameless generated part.
        if (node.Identifier.IsMissing || type.Name.Length == 0) return null;

        // With [TableFlow] on several parts (already a compiler error), generate once, for the part that holds the first.
        var attribute = context.Attributes.Length == 1 && type.DeclaringSyntaxReferences.Length == 1
            ? context.Attributes[0]
            : FlowRules.FindAttribute(type.GetAttributes(), FlowRules.TableFlowAttributeName);
        var attributeSyntax = attribute?.ApplicationSyntaxReference;
        if (attribute is null || attributeSyntax is null || attributeSyntax.SyntaxTree != node.SyntaxTree || !node.Span.Contains(attributeSyntax.Span))
        {
            return null;
        }

        var declaration = FlowDeclaration.Read(type, attribute, PropertyBinder.FromSemanticModel(context.SemanticModel), forGeneration: true, ct);
        if (declaration.HasErrors || declaration.FlowId is null) return null;
        return Create(declaration, NullableAnnotations(node), ct);
    }

    private static bool NullableAnnotations(SyntaxNode node)
        => ((node.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest) >= LanguageVersion.CSharp8;

    /// <summary>The model of a declaration without errors.</summary>
    public static FlowModel Create(FlowDeclaration declaration, bool nullableAnnotations, CancellationToken ct)
        => Create(
            declaration.Type,
            declaration.FlowId!,
            declaration.Fields,
            nullableAnnotations,
            declaration.ClientParameter is { } parameter ? ClientSourceOf(declaration.Type, parameter, ct) : ClientSource.Constructor,
            ct);

    /// <summary>Where the generated members get their <c>TableFlowClient</c>.</summary>
    private readonly struct ClientSource
    {
        private ClientSource(string? parameter, bool capture)
        {
            Parameter = parameter;
            Capture = capture;
        }

        /// <summary>A generated constructor stores it in a generated field.</summary>
        public static ClientSource Constructor => default;

        /// <summary>The primary constructor's parameter, used directly (captured) or through a field it initializes.</summary>
        public static ClientSource Primary(string parameter, bool capture) => new(parameter, capture);

        public string? Parameter { get; }

        public bool Capture { get; }
    }

    /// <summary>
    /// How the generated members reach the primary constructor's client parameter without a compiler warning. Reading it
    /// in <c>RunAsync</c> captures it, which is what a user's own methods do too; but a parameter that also initializes a
    /// field or is passed to the base constructor must not be captured as well (CS9124, CS9107), so then a generated
    /// field is initialized from it instead — as it always is in a record, whose parameters name its properties.
    /// </summary>
    private static ClientSource ClientSourceOf(INamedTypeSymbol type, IParameterSymbol parameter, CancellationToken ct)
    {
        var name = parameter.Name;
        var capture = !type.IsRecord &&
                      Array.IndexOf(RunParameters, name) < 0 &&
                      !HasMemberNamed(type, name) &&
                      !UsedOutsideMembers(type, name, ct);
        return ClientSource.Primary(UniqueNameBuilder.Escape(name), capture);
    }

    private static bool HasMemberNamed(INamedTypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.MemberNames.Contains(name)) return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> appears in a field, property or event initializer, or in the base type's arguments.</summary>
    private static bool UsedOutsideMembers(INamedTypeSymbol type, string name, CancellationToken ct)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is not TypeDeclarationSyntax declaration) continue;
            var scopes = new List<SyntaxNode>();
            if (declaration.BaseList is { } baseList) scopes.AddRange(baseList.Types.OfType<PrimaryConstructorBaseTypeSyntax>());
            foreach (var member in declaration.Members)
            {
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        scopes.AddRange(field.Declaration.Variables.Where(v => v.Initializer is not null).Select(v => v.Initializer!));
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } initializer }:
                        scopes.Add(initializer);
                        break;
                }
            }

            foreach (var scope in scopes)
            {
                if (scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name)) return true;
            }
        }

        return false;
    }

    /// <summary>The model of a valid flow class with the given flow id and file fields.</summary>
    private static FlowModel Create(
        INamedTypeSymbol type, string flowId, IReadOnlyList<FlowFieldDeclaration> declaredFields, bool nullableAnnotations, ClientSource client, CancellationToken ct)
    {
        var unnamed = declaredFields
            .Select(f => new FlowFieldModel(f.PropertyName, f.Key, f.Required, f.Multiple, f.DefaultGuidance, f.DocSummary, "", "", ""))
            .ToList();

        // The field must not hide an inherited member (CS0108) either. The declaration table answers for each candidate:
        // copying every member name up the base chain into a set cost more than the rest of the names together.
        var clientField = UniqueNameBuilder.TakeFirstFree(
            name => !HasMemberNamed(type, name) && Array.IndexOf(FlowRules.GeneratedMemberNames, name) < 0,
            "_tableFlowClient",
            "__tableFlowClient");

        var model = new FlowModel(
            DeclaredType.Namespace(type),
            new EquatableArray<string>(DeclaredType.ContainingTypeHeaders(type)),
            type.IsRecord ? "record" : "class",
            UniqueNameBuilder.Escape(type.Name),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            DeclaredType.HintName(type),
            flowId,
            nullableAnnotations,
            clientField,
            client.Parameter,
            client.Capture,
            "",
            default)
        {
            MemberNames = unnamed.Count == 0 ? new EquatableArray<string>(MemberNamesOf(type)) : default,
        };
        return WithFields(model, unnamed, ct);
    }

    /// <summary>
    /// <paramref name="model"/> with <paramref name="fields"/> as its file fields, each given its <c>RunAsync</c>
    /// parameter names, and the locals of <c>RunAsync</c> chosen anew. Works on plain values only, so it also serves
    /// after the definition file has added fields or limits (<see cref="FlowBinder"/>).
    /// </summary>
    public static FlowModel WithFields(FlowModel model, IReadOnlyList<FlowFieldModel> fields, CancellationToken ct)
    {
        var capturedClient = model.CaptureClientParameter ? model.ClientParameter : null;
        var parameters = new UniqueNameBuilder();
        parameters.Reserve(RunParameters);

        // 'nameof' as a parameter would turn the nameof(...) checks in the body into calls.
        parameters.Reserve(new[] { "nameof" });

        // A captured primary-constructor parameter must not be shadowed by a RunAsync parameter.
        if (capturedClient is not null) parameters.Reserve(new[] { capturedClient });

        var fileParameters = fields
            .Select(f =>
            {
                var camel = UniqueNameBuilder.ToCamelCase(f.PropertyName);
                return parameters.Take(camel, camel + (f.Multiple ? "Files" : "File"));
            })
            .ToList();

        var named = new List<FlowFieldModel>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var field = fields[i];
            var baseName = fileParameters[i].TrimStart('@');
            // Keep the pair alike: when either plain name is taken, both take the longer form.
            if (parameters.IsTaken(baseName + "Metadata") || parameters.IsTaken(baseName + "Guidance"))
            {
                baseName += field.Multiple ? "Files" : "File";
            }

            named.Add(field with
            {
                Parameter = fileParameters[i],
                MetadataParameter = parameters.Take(baseName + "Metadata"),
                GuidanceParameter = parameters.Take(baseName + "Guidance"),
            });
        }

        var locals = new UniqueNameBuilder();
        locals.Reserve(RunParameters);
        locals.Reserve(named.SelectMany(f => new[] { f.Parameter, f.MetadataParameter, f.GuidanceParameter }));
        if (capturedClient is not null) locals.Reserve(new[] { capturedClient });

        return model with
        {
            Fields = new EquatableArray<FlowFieldModel>(named),
            RequestLocal = locals.Take("request", "flowRunRequest"),
            FileLocal = locals.Take("file", "flowFile"),
            FilesLocal = locals.Take("files", "flowFiles"),
        };
    }

    /// <summary>The names of the members of <paramref name="type"/> and its base types, and the type's own name (no member may take it).</summary>
    private static IEnumerable<string> MemberNamesOf(INamedTypeSymbol type)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { type.Name };
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var name in t.MemberNames) names.Add(name);
        }

        return names;
    }

}
