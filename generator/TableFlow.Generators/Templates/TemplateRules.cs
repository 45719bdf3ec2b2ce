using System;
using Microsoft.CodeAnalysis;

namespace TableFlow.Generators.Templates;

/// <summary>What a template property's type is read as (README/design "Typed templates": the supported types).</summary>
internal enum TemplateValueKind
{
    /// <summary>Not a supported value type.</summary>
    None,
    String,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Boolean,
    DateOnly,
    DateTime,
    DateTimeOffset,

    /// <summary><c>ExtractedValue</c>: the raw value, unconverted.</summary>
    Raw,
}

/// <summary>The rules of typed templates shared by the generator and the analyzer: names and supported types.</summary>
internal static class TemplateRules
{
    public const string TemplateAttributeName = "TableFlow.TableFlowTemplateAttribute";
    public const string FieldAttributeName = "TableFlow.TemplateFieldAttribute";
    public const string TableAttributeName = "TableFlow.TemplateTableAttribute";
    public const string ReaderTypeName = "TableFlow.TemplateReader";
    public const string ExtractedValueName = "TableFlow.ExtractedValue";

    /// <summary>The names the generator adds to a template class.</summary>
    public static readonly string[] GeneratedMemberNames = { "TemplateId", "ExtractAsync", "ReadAsync", "FromExtraction" };

    /// <summary>
    /// What <paramref name="type"/> is read as, with <paramref name="nullableValueType"/> telling <c>int?</c> from
    /// <c>int</c>. <c>ExtractedValue?</c> is not supported: an absent <c>ExtractedValue</c> already says "no value".
    /// </summary>
    public static TemplateValueKind Classify(ITypeSymbol type, out bool nullableValueType)
    {
        nullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            nullableValueType = true;
            var inner = Classify(nullable.TypeArguments[0], out _);
            return inner == TemplateValueKind.Raw ? TemplateValueKind.None : inner;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String: return TemplateValueKind.String;
            case SpecialType.System_Byte: return TemplateValueKind.Byte;
            case SpecialType.System_SByte: return TemplateValueKind.SByte;
            case SpecialType.System_Int16: return TemplateValueKind.Int16;
            case SpecialType.System_UInt16: return TemplateValueKind.UInt16;
            case SpecialType.System_Int32: return TemplateValueKind.Int32;
            case SpecialType.System_UInt32: return TemplateValueKind.UInt32;
            case SpecialType.System_Int64: return TemplateValueKind.Int64;
            case SpecialType.System_UInt64: return TemplateValueKind.UInt64;
            case SpecialType.System_Single: return TemplateValueKind.Single;
            case SpecialType.System_Double: return TemplateValueKind.Double;
            case SpecialType.System_Decimal: return TemplateValueKind.Decimal;
            case SpecialType.System_Boolean: return TemplateValueKind.Boolean;
            case SpecialType.System_DateTime: return TemplateValueKind.DateTime;
        }

        if (type is not INamedTypeSymbol { ContainingType: null, TypeArguments.Length: 0 } named || named.ContainingNamespace is null) return TemplateValueKind.None;
        var ns = named.ContainingNamespace.ToDisplayString();
        if (ns == "System" && named.Name == "DateOnly") return TemplateValueKind.DateOnly;
        if (ns == "System" && named.Name == "DateTimeOffset") return TemplateValueKind.DateTimeOffset;
        if (ns == "TableFlow" && named.Name == "ExtractedValue") return TemplateValueKind.Raw;
        return TemplateValueKind.None;
    }

    /// <summary>The <c>TemplateReader</c> method that reads <paramref name="kind"/>.</summary>
    public static string ReaderMethod(TemplateValueKind kind) => kind switch
    {
        TemplateValueKind.Raw => "GetValue",
        TemplateValueKind.None => throw new ArgumentOutOfRangeException(nameof(kind)),
        _ => "Get" + kind,
    };

    /// <summary>Whether <paramref name="type"/> is <c>System.Collections.Generic.IReadOnlyList&lt;T&gt;</c>; <paramref name="row"/> is its T.</summary>
    public static bool IsReadOnlyList(ITypeSymbol type, out ITypeSymbol? row)
    {
        row = null;
        if (type is INamedTypeSymbol { Name: "IReadOnlyList", TypeArguments.Length: 1 } named &&
            named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic")
        {
            row = named.TypeArguments[0];
            return true;
        }

        return false;
    }

    /// <summary>
    /// The element type of an array or of a one-argument generic collection (<c>List&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>,
    /// <c>ImmutableArray&lt;T&gt;</c>, …) other than <c>IReadOnlyList&lt;T&gt;</c>, or <see langword="null"/>: a table
    /// declared with the wrong collection, which the code fix turns into <c>IReadOnlyList&lt;T&gt;</c>.
    /// </summary>
    public static ITypeSymbol? OtherCollectionElement(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array) return array.ElementType;
        if (type is not INamedTypeSymbol { TypeArguments.Length: 1 } named || type.SpecialType == SpecialType.System_String) return null;
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return null;
        var element = named.TypeArguments[0];
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) return element;
        foreach (var @interface in named.AllInterfaces)
        {
            if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T &&
                SymbolEqualityComparer.Default.Equals(@interface.TypeArguments[0], element))
            {
                return element;
            }
        }

        return null;
    }
}
