using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TableFlow.Generators.Rules;

/// <summary>
/// The declaration rules (README "Declare a flow") in one place, used by both the generator's parser and the analyzers so that
/// they cannot disagree: key derivation, key and flow-id validity, reserved names, and which types are file fields.
/// </summary>
internal static partial class FlowRules
{
    public const string TableFlowAttributeName = "TableFlow.TableFlowAttribute";
    public const string FlowFieldAttributeName = "TableFlow.FlowFieldAttribute";
    public const string FlowIgnoreAttributeName = "TableFlow.FlowIgnoreAttribute";
    public const string FlowFileName = "TableFlow.FlowFile";
    public const string TableFlowClientName = "TableFlow.TableFlowClient";

    /// <summary>The tool name in the generated members' <c>[GeneratedCode]</c>, which also tells our own members apart.</summary>
    public const string GeneratorName = "TableFlow.Generators";

    /// <summary>The names the generator adds to a flow class.</summary>
    public static readonly string[] GeneratedMemberNames = { "FlowId", "Fields", "RunAsync" };

    /// <summary>Form keys the API gives a meaning of its own (<see cref="FlowNames.ReservedKeys"/>).</summary>
    public static readonly string[] ReservedKeys = FlowNames.ReservedKeys;

    // The string rules live in FlowNames, one file the runtime and the emulator compile too; these forward to it.

    /// <summary><c>PurchaseOrder</c> → <c>purchase_order</c> (<see cref="FlowNames.ToSnakeCase"/>).</summary>
    public static string ToSnakeCase(string name) => FlowNames.ToSnakeCase(name);

    /// <summary>
    /// <c>purchase_order</c> → <c>PurchaseOrder</c>: the key's letters and digits with each word capitalized, a valid C#
    /// identifier (<c>File</c> in front when it would start with a digit or be empty). Its snake_case is the key
    /// whenever the key is plain snake_case.
    /// </summary>
    public static string ToPropertyName(string key)
    {
        var sb = new System.Text.StringBuilder(key.Length);
        var upper = true;
        foreach (var c in key)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.Length == 0 || char.IsDigit(sb[0]) ? "File" + sb : sb.ToString();
    }

    /// <summary>Whether a flow id can stand in a URL path segment as is; <paramref name="problem"/> says why not (<see cref="FlowNames.IdProblem"/>).</summary>
    public static bool IsValidFlowId(string? flowId, out string problem)
    {
        problem = FlowNames.IdProblem(flowId) ?? "";
        return problem.Length == 0;
    }

    /// <summary>Whether a form key can be sent as a multipart field name; <paramref name="problem"/> says why not (<see cref="FlowNames.FormKeyProblem"/>).</summary>
    public static bool IsValidFormKey(string? key, out string problem)
    {
        problem = FlowNames.FormKeyProblem(key) ?? "";
        return problem.Length == 0;
    }

    /// <summary>
    /// Finds a key among <paramref name="keys"/> that collides with a reserved or derived name: <c>name</c>,
    /// <c>metadata</c>, or another field's <c>key_metadata</c>, <c>key_guidance</c>, <c>key_&lt;n&gt;</c>.
    /// Returns the reason for the key at <paramref name="index"/>, or <see langword="null"/> (<see cref="FlowNames.CollisionProblem"/>).
    /// </summary>
    public static string? FindReservedCollision(IReadOnlyList<(string Key, bool Multiple)> keys, int index)
        => FlowNames.CollisionProblem(keys, index);

    /// <summary>Classifies a property type: a single file, several files, or not a file field. <paramref name="nullable"/> is its declared nullability.</summary>
    public static FieldShape ClassifyType(ITypeSymbol? type, out bool nullable)
    {
        nullable = false;
        if (type is null || type.TypeKind == TypeKind.Error) return FieldShape.None;
        nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (IsFlowFile(type)) return FieldShape.Single;
        if (type is IArrayTypeSymbol { Rank: 1 } array && IsFlowFile(array.ElementType)) return FieldShape.Multi;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && IsFlowFile(named.TypeArguments[0]))
        {
            // SpecialType, not a display string: this runs for every property on every compilation change.
            if (named.ConstructedFrom.SpecialType is SpecialType.System_Collections_Generic_IReadOnlyList_T or SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return FieldShape.Multi;
            }
        }

        return FieldShape.None;
    }

    /// <summary>Whether <paramref name="type"/> is <c>TableFlow.FlowFile</c>.</summary>
    public static bool IsFlowFile(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "FlowFile", ContainingNamespace: { Name: "TableFlow", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// Whether a property that is not a file field looks like it was meant to be one: a <c>Stream</c>, <c>byte[]</c>,
    /// <c>FileInfo</c>, <c>Memory&lt;byte&gt;</c> or a collection of those, or a <c>string</c> named like a file.
    /// </summary>
    public static bool LooksLikeFile(ITypeSymbol? type, string propertyName)
    {
        if (type is null || type.TypeKind == TypeKind.Error) return false;
        if (IsFileLikeType(type)) return true;
        if (type is IArrayTypeSymbol { ElementType: var element } && element.SpecialType != SpecialType.System_Byte && IsFileLikeType(element)) return true;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && IsFileLikeType(named.TypeArguments[0]) &&
            named.AllInterfaces.Length + (named.TypeKind == TypeKind.Interface ? 1 : 0) > 0 &&
            IsEnumerable(named))
        {
            return true;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            foreach (var suffix in FileLikeNameSuffixes)
            {
                if (propertyName.EndsWith(suffix, StringComparison.Ordinal)) return true;
            }
        }

        return false;
    }

    private static readonly string[] FileLikeTypeNames = { "Stream", "FileInfo", "Memory", "ReadOnlyMemory", "IFormFile", "HttpContent" };

    private static readonly string[] FileLikeNameSuffixes = { "File", "FilePath", "Path", "Pdf", "Document", "Attachment", "Scan", "Image" };

    private static bool IsFileLikeType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }) return true;
        // `Stream?` (an annotated reference type) and `ReadOnlyMemory<byte>?` (Nullable<T>) are the likeliest way to write
        // such a property: compare the underlying type, whose display string has no `?`.
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue) type = nullableValue.TypeArguments[0];
        type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            // The cheap name test first: this runs for every non-file property while the user types.
            if (Array.IndexOf(FileLikeTypeNames, t.Name) < 0) continue;
            var name = t.ToDisplayString();
            if (name is "System.IO.Stream" or "System.IO.FileInfo" or "System.Memory<byte>" or "System.ReadOnlyMemory<byte>" or
                "Microsoft.AspNetCore.Http.IFormFile" or "System.Net.Http.HttpContent")
            {
                return true;
            }
        }

        foreach (var i in type.AllInterfaces)
        {
            if (i.Name == "IFormFile" && i.ToDisplayString() == "Microsoft.AspNetCore.Http.IFormFile") return true;
        }

        return type.Name == "IFormFile" && type.ToDisplayString() == "Microsoft.AspNetCore.Http.IFormFile";
    }

    private static bool IsEnumerable(INamedTypeSymbol type)
    {
        if (type.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) return true;
        foreach (var i in type.AllInterfaces)
        {
            if (i.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) return true;
        }

        return false;
    }

    /// <summary>A character as it would be written in a C# literal, for messages (<see cref="FlowNames.Printable(char)"/>).</summary>
    public static string Printable(char c) => FlowNames.Printable(c);

    /// <summary>A string with control characters written as escapes, for messages (<see cref="FlowNames.Printable(string)"/>).</summary>
    public static string Printable(string text) => FlowNames.Printable(text);
}
