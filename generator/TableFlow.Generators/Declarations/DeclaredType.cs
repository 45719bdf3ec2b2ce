using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TableFlow.Generators.Model;

namespace TableFlow.Generators.Declarations;

/// <summary>
/// What the flow and the template pipelines read alike from a class with their attribute: its id argument, where to
/// report on it, and the names its generated part is written under.
/// </summary>
internal static class DeclaredType
{
    /// <summary>The attribute's single string argument (a flow or template id); <paramref name="known"/> is false while it does not bind.</summary>
    public static string? ReadId(AttributeData attribute, out bool known)
    {
        known = attribute.AttributeConstructor is not null &&
                attribute.ConstructorArguments.Length == 1 &&
                attribute.ConstructorArguments[0].Kind != TypedConstantKind.Error;
        return known ? attribute.ConstructorArguments[0].Value as string : null;
    }

    /// <summary>The class name of the declaration that carries <paramref name="attribute"/>, or the type's first location.</summary>
    public static Location ClassIdentifierLocation(INamedTypeSymbol type, AttributeData attribute, CancellationToken ct)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(ct) is { Parent.Parent: TypeDeclarationSyntax declaration })
        {
            return declaration.Identifier.GetLocation();
        }

        return type.Locations.IsEmpty ? Location.None : type.Locations[0];
    }

    /// <summary>The namespace the generated part is written in (without <c>global::</c>), or null for the global namespace.</summary>
    public static string? Namespace(INamedTypeSymbol type)
        => type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length)
            : null;

    /// <summary>Headers such as <c>partial record struct Outer</c>, outer first.</summary>
    public static IEnumerable<string> ContainingTypeHeaders(INamedTypeSymbol type)
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
    /// <c>A.B.Outer+Name</c>: the namespace and the nesting chain, kept apart by <c>+</c> so that no two classes share a
    /// hint name, even in code that declares a namespace and a type of the same name (<see cref="Emit.HintNames"/> adds
    /// what tells apart names that differ only in letter case, and the extension).
    /// </summary>
    public static string HintName(INamedTypeSymbol type)
    {
        var types = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType) types.Insert(0, t.MetadataName);
        var name = string.Join("+", types);
        if (type.ContainingNamespace is { IsGlobalNamespace: false } ns) name = ns.ToDisplayString() + "." + name;
        return name.Replace("@", "");
    }
}
