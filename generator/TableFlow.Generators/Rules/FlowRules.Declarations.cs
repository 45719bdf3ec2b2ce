using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.Rules;

/// <summary>The class-level rules: finding our attributes, <c>partial</c> chains, classes that cannot take the generated members, and name clashes with them.</summary>
internal static partial class FlowRules
{
    /// <summary>The first attribute whose class has the full metadata name <paramref name="fullName"/>.</summary>
    public static AttributeData? FindAttribute(ImmutableArray<AttributeData> attributes, string fullName)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } c && c.TypeKind != TypeKind.Error && IsNamed(c, fullName)) return attribute;
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is <c>TableFlow.TableFlowClient</c>.</summary>
    public static bool IsTableFlowClient(ITypeSymbol? type) => type is INamedTypeSymbol named && IsNamed(named, TableFlowClientName);

    private static bool IsNamed(INamedTypeSymbol type, string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return type.Name == fullName.Substring(dot + 1) && !type.IsGenericType && type.ContainingType is null &&
               IsNamespace(type.ContainingNamespace, fullName, dot);
    }

    /// <summary>Whether <paramref name="ns"/> is the namespace <c>fullName[..length]</c>, compared part by part from the innermost without allocating.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, string fullName, int length)
    {
        var end = length;
        while (ns is { IsGlobalNamespace: false })
        {
            var start = fullName.LastIndexOf('.', end - 1) + 1;
            if (end - start != ns.Name.Length || string.CompareOrdinal(fullName, start, ns.Name, 0, ns.Name.Length) != 0) return false;
            ns = ns.ContainingNamespace;
            end = start - 1;
            if (end < 0) return ns is { IsGlobalNamespace: true };
        }

        return false;
    }

    /// <summary>The flow class and its containing types, inner first, that have a declaration without <c>partial</c>.</summary>
    public static IReadOnlyList<INamedTypeSymbol> FindNonPartialTypes(INamedTypeSymbol type, CancellationToken ct)
    {
        var result = new List<INamedTypeSymbol>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            foreach (var reference in t.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(ct) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    result.Add(t);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The TF0001 descriptor and message arguments for <paramref name="type"/> given the types that lack <c>partial</c>.</summary>
    public static (DiagnosticDescriptor Descriptor, object[] Arguments) NotPartial(INamedTypeSymbol type, IReadOnlyList<INamedTypeSymbol> notPartial)
    {
        if (notPartial.Count == 1 && SymbolEqualityComparer.Default.Equals(notPartial[0], type))
        {
            return (DiagnosticDescriptors.ClassNotPartial, new object[] { type.Name });
        }

        var names = string.Join(", ", notPartial.Select(t => $"'{t.Name}'"));
        return (DiagnosticDescriptors.ContainingTypeNotPartial, new object[] { type.Name, names, notPartial.Count == 1 ? "is" : "are" });
    }

    /// <summary>
    /// The oldest C# the generated code compiles in (<c>= default</c> parameter values are C# 7.1), found by compiling
    /// the generated code of every test declaration at each language version.
    /// </summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp7_1;

    /// <summary>The user-facing spelling of <see cref="MinimumLanguageVersion"/>.</summary>
    public const string MinimumLanguageVersionText = "7.1";

    /// <summary>Whether the parse options of <paramref name="tree"/> are a C# version the generated code compiles in.</summary>
    public static bool SupportsLanguageVersion(SyntaxTree tree)
        => tree.Options is not CSharpParseOptions options || options.LanguageVersion >= MinimumLanguageVersion;

    /// <summary>
    /// The declaration of <paramref name="type"/> that carries a primary constructor's parameter list (<c>class Po(TableFlowClient client)</c>,
    /// <c>record Po(TableFlowClient Client)</c>), or <see langword="null"/> when it has none.
    /// </summary>
    public static TypeDeclarationSyntax? FindPrimaryConstructorDeclaration(INamedTypeSymbol type, CancellationToken ct)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is TypeDeclarationSyntax { ParameterList: not null } declaration) return declaration;
        }

        return null;
    }

    /// <summary>The first parameter of <paramref name="list"/> declared as a <c>TableFlowClient</c>, or <see langword="null"/>.</summary>
    public static IParameterSymbol? FindClientParameter(INamedTypeSymbol type, TypeDeclarationSyntax primary, CancellationToken ct)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaringSyntaxReferences.Length != 1 || constructor.DeclaringSyntaxReferences[0].GetSyntax(ct) != primary) continue;
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.RefKind == RefKind.None && IsTableFlowClient(parameter.Type)) return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// Why the generated members cannot be added to <paramref name="type"/> (a TF0008 descriptor and its message arguments),
    /// or <see langword="null"/>. <paramref name="primary"/> is the declaration with the primary constructor, if there is one.
    /// </summary>
    public static (DiagnosticDescriptor Descriptor, object[] Arguments)? WhyCannotTakeMembers(INamedTypeSymbol type, TypeDeclarationSyntax? primary, CancellationToken ct)
    {
        var name = type.Name;
        if (type.IsStatic) return (DiagnosticDescriptors.StaticClass, new object[] { name });
        if (type.TypeKind != TypeKind.Class) return (DiagnosticDescriptors.StructType, new object[] { name });
        if (type.TypeParameters.Length > 0) return (DiagnosticDescriptors.GenericClass, new object[] { name });
        if (type.IsFileLocal) return (DiagnosticDescriptors.FileLocalClass, new object[] { name });
        if (Array.IndexOf(GeneratedMemberNames, name) >= 0) return (DiagnosticDescriptors.ClassNamedLikeMember, new object[] { name });
        if (type.DeclaringSyntaxReferences.Length > 0 && !SupportsLanguageVersion(type.DeclaringSyntaxReferences[0].SyntaxTree))
        {
            return (DiagnosticDescriptors.LanguageVersionTooOld, new object[] { name, LanguageVersionText(type.DeclaringSyntaxReferences[0].SyntaxTree), MinimumLanguageVersionText });
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0) return (DiagnosticDescriptors.NestedInGenericType, new object[] { name, outer.Name });
            if (outer.TypeKind == TypeKind.Interface) return (DiagnosticDescriptors.NestedInInterface, new object[] { name, outer.Name });
            if (outer.IsFileLocal) return (DiagnosticDescriptors.NestedInFileLocalType, new object[] { name, outer.Name });
        }

        if (primary is not null)
        {
            return FindClientParameter(type, primary, ct) is null ? (DiagnosticDescriptors.PrimaryConstructorWithoutClient, new object[] { name }) : null;
        }

        if (type.BaseType is { TypeKind: not TypeKind.Error, SpecialType: not SpecialType.System_Object } baseType &&
            !baseType.InstanceConstructors.Any(c => c.DeclaredAccessibility != Accessibility.Private && c.Parameters.All(p => p.IsOptional || p.IsParams)))
        {
            return (DiagnosticDescriptors.BaseWithoutParameterlessConstructor, new object[] { name, baseType.Name });
        }

        return null;
    }

    private static string LanguageVersionText(SyntaxTree tree)
        => tree.Options is CSharpParseOptions options ? options.LanguageVersion.ToDisplayString() : "?";

    /// <summary>
    /// Whether <paramref name="type"/> mentions <c>FlowFile</c> anywhere in its element or type arguments
    /// (<c>List&lt;FlowFile&gt;</c>, <c>FlowFile[][]</c>, <c>ImmutableArray&lt;FlowFile&gt;</c>, <c>Dictionary&lt;string, FlowFile&gt;</c>):
    /// asked of properties that are not file fields, to tell an unsupported shape from an unrelated type.
    /// </summary>
    public static bool HoldsFlowFile(ITypeSymbol? type) => type switch
    {
        null => false,
        IArrayTypeSymbol array => IsFlowFile(array.ElementType) || HoldsFlowFile(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments.Any(t => IsFlowFile(t) || HoldsFlowFile(t)),
        _ => false,
    };

    /// <summary>Whether <paramref name="member"/> was emitted by this generator (it carries our <c>[GeneratedCode]</c>).</summary>
    public static bool IsOwnGeneratedMember(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } &&
                attribute.ConstructorArguments.Length == 2 &&
                attribute.ConstructorArguments[0].Value as string == GeneratorName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A type as overload resolution sees it (nullability ignored), for comparing signatures.</summary>
    public static string TypeKey(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The parameter types of the generated <c>RunAsync</c>, in <see cref="TypeKey"/> form.</summary>
    public static IReadOnlyList<string> RunAsyncParameterTypes(IReadOnlyList<FlowFieldDeclaration> fields)
    {
        const string file = "global::TableFlow.FlowFile";
        const string files = "global::System.Collections.Generic.IEnumerable<global::TableFlow.FlowFile>";
        const string json = "global::System.Text.Json.Nodes.JsonObject";
        var types = new List<string>();
        types.AddRange(fields.Where(f => f.Required).Select(f => f.Multiple ? files : file));
        types.AddRange(fields.Where(f => !f.Required).Select(f => f.Multiple ? files : file));
        foreach (var _ in fields)
        {
            types.Add(json);
            types.Add("string");
        }

        types.Add("string");
        types.Add(json);
        types.Add("global::System.Threading.CancellationToken");
        return types;
    }
}
