using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Model;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Templates;

/// <summary>
/// A <c>[TableFlowTemplate]</c> class as the template rules read it: every problem with it (TF0013–TF0020) and, when
/// there is no error, the <see cref="TemplateModel"/> the generator emits. The generator and
/// <see cref="TemplateDeclarationAnalyzer"/> both call <see cref="Read"/>, so they cannot disagree. Never throws for
/// half-typed code: unresolved types and attribute arguments are skipped, not reported.
/// </summary>
internal sealed class TemplateDeclaration
{
    private TemplateDeclaration(ImmutableArray<FlowProblem> problems, TemplateModel? model)
    {
        Problems = problems;
        Model = model;
    }

    /// <summary>TF0015 for a table in another collection type: the fix changes the type to <c>IReadOnlyList&lt;TRow&gt;</c>.</summary>
    public const string ChangeToReadOnlyListFix = "ChangeToReadOnlyList";

    /// <summary>Everything wrong with the declaration.</summary>
    public ImmutableArray<FlowProblem> Problems { get; }

    /// <summary>The model to emit, or <see langword="null"/> when the declaration has an error or its id is not known yet.</summary>
    public TemplateModel? Model { get; }

    /// <summary>Reads <paramref name="type"/>, whose <c>[TableFlowTemplate]</c> is <paramref name="attribute"/>.</summary>
    public static TemplateDeclaration Read(INamedTypeSymbol type, AttributeData attribute, Compilation compilation, CancellationToken ct)
    {
        var problems = ImmutableArray.CreateBuilder<FlowProblem>();
        var classLocation = DeclaredType.ClassIdentifierLocation(type, attribute, ct);

        var notPartial = FlowRules.FindNonPartialTypes(type, ct);
        if (notPartial.Count > 0)
        {
            if (notPartial.Count == 1 && SymbolEqualityComparer.Default.Equals(notPartial[0], type))
            {
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.ClassNotPartial, classLocation, new object[] { type.Name }));
            }
            else
            {
                var names = string.Join(", ", notPartial.Select(t => $"'{t.Name}'"));
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.ContainingTypeNotPartial, classLocation,
                    new object[] { type.Name, names, notPartial.Count == 1 ? "is" : "are" }));
            }
        }

        if (WhyUnsupported(type, ct) is { } reason)
        {
            problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.UnsupportedClass, classLocation, new object[] { type.Name, reason }));
        }

        var templateId = DeclaredType.ReadId(attribute, out var idKnown);
        if (idKnown && IdProblem(templateId) is { } idProblem)
        {
            problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.InvalidTemplateId, ArgumentLocation(attribute, ct) ?? classLocation,
                new object[] { type.Name, idProblem }));
        }

        CheckGeneratedNames(type, classLocation, problems, ct);

        var members = new List<(TemplateMemberModel Model, Location KeyLocation, string Property)>();
        var hasRequired = false;
        foreach (var property in DeclaredProperties(type, ct))
        {
            ct.ThrowIfCancellationRequested();
            var (symbol, syntax) = property;
            hasRequired |= symbol.IsRequired;
            var member = ReadMember(type, symbol, syntax, compilation, problems, ct);
            if (member is not null) members.Add(member.Value);
        }

        CheckDuplicates(type.Name, members.Where(m => !m.Model.IsTable).ToList(), "field", problems);
        CheckDuplicates(type.Name, members.Where(m => m.Model.IsTable).ToList(), "table", problems);

        var hasErrors = problems.Any(p => !p.IsWarning);
        var model = hasErrors || templateId is null || !idKnown
            ? null
            : new TemplateModel(
                DeclaredType.Namespace(type),
                new EquatableArray<string>(DeclaredType.ContainingTypeHeaders(type)),
                type.IsRecord ? "record" : "class",
                UniqueNameBuilder.Escape(type.Name),
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                HintName(type),
                templateId,
                NullableAnnotations(type),
                !HasDeclaredConstructor(type),
                hasRequired,
                new EquatableArray<TemplateMemberModel>(members.Select(m => m.Model)));
        return new TemplateDeclaration(problems.ToImmutable(), model);
    }

    /// <summary>Why the id cannot name a template, or <see langword="null"/>.</summary>
    public static string? IdProblem(string? id)
    {
        if (string.Equals(id, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return "'auto' lets TableFlow pick any template, whose fields need not match the class's properties";
        }

        return FlowNames.IdProblem(id);
    }

    private static bool HasDeclaredConstructor(INamedTypeSymbol type)
        => type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && !FlowRules.IsOwnGeneratedMember(c) && !(type.IsRecord && IsCopyConstructor(type, c)));

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor)
        => constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static bool NullableAnnotations(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences.Length == 0 ||
           ((type.DeclaringSyntaxReferences[0].SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest) >= LanguageVersion.CSharp8;

    /// <summary>Why the class cannot take the generated members (a clause), or <see langword="null"/>.</summary>
    private static string? WhyUnsupported(INamedTypeSymbol type, CancellationToken ct)
    {
        if (type.IsStatic) return "it is static, but ReadAsync creates instances of it; remove the 'static' modifier";
        if (type.TypeKind != TypeKind.Class) return "it is a struct; declare it as a 'partial class' or 'partial record'";
        if (type.TypeParameters.Length > 0) return "it is generic, but a template has one fixed set of fields; remove its type parameters";
        if (type.IsAbstract) return "it is abstract, but ReadAsync creates instances of it; remove the 'abstract' modifier";
        if (type.IsFileLocal) return "it is file-local, so the generated part in another file cannot extend it; remove the 'file' modifier";
        if (Array.IndexOf(TemplateRules.GeneratedMemberNames, type.Name) >= 0) return $"its name is that of the generated member '{type.Name}', which C# forbids; rename the class";
        if (type.DeclaringSyntaxReferences.Length > 0 && !FlowRules.SupportsLanguageVersion(type.DeclaringSyntaxReferences[0].SyntaxTree))
        {
            return $"the generated code needs C# {FlowRules.MinimumLanguageVersionText} or later; raise <LangVersion> in the project file";
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0) return $"it is nested in generic type '{outer.Name}'; move it out";
            if (outer.TypeKind == TypeKind.Interface) return $"it is nested in interface '{outer.Name}', which the generator cannot re-open; move it out";
            if (outer.IsFileLocal) return $"it is nested in file-local type '{outer.Name}'; remove the 'file' modifier from '{outer.Name}'";
        }

        if (FlowRules.FindPrimaryConstructorDeclaration(type, ct) is not null)
        {
            return "it has a primary constructor, which the generated constructor would have to call; declare the properties in the body instead";
        }

        if (type.BaseType is { TypeKind: not TypeKind.Error, SpecialType: not SpecialType.System_Object } baseType &&
            !baseType.InstanceConstructors.Any(c => c.DeclaredAccessibility != Accessibility.Private && c.Parameters.All(p => p.IsOptional || p.IsParams)))
        {
            return $"its base class '{baseType.Name}' has no accessible parameterless constructor for the generated constructor to call";
        }

        return null;
    }

    private static void CheckGeneratedNames(INamedTypeSymbol type, Location classLocation, ImmutableArray<FlowProblem>.Builder problems, CancellationToken ct)
    {
        foreach (var member in type.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared || FlowRules.IsOwnGeneratedMember(member)) continue;
            if (Array.IndexOf(TemplateRules.GeneratedMemberNames, member.Name) >= 0)
            {
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.MemberNameTaken, member.Locations.FirstOrDefault() ?? classLocation,
                    new object[] { type.Name, member.Name }));
            }
            else if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters.Length: 1 } constructor &&
                     constructor.Parameters[0].Type.ToDisplayString() == TemplateRules.ReaderTypeName)
            {
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.MemberNameTaken, member.Locations.FirstOrDefault() ?? classLocation,
                    new object[] { type.Name, type.Name + "(TemplateReader)" }));
            }
        }

        for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            foreach (var name in TemplateRules.GeneratedMemberNames)
            {
                if (baseType.GetMembers(name).Any(m => m.DeclaredAccessibility != Accessibility.Private))
                {
                    problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.InheritedMemberHidden, classLocation, new object[] { type.Name, name, baseType.Name }));
                }
            }
        }
    }

    /// <summary>The properties declared in the class's own parts (static ones too, to report them when marked), each with its declaration.</summary>
    private static IEnumerable<(IPropertySymbol Symbol, PropertyDeclarationSyntax Syntax)> DeclaredProperties(INamedTypeSymbol type, CancellationToken ct)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol { IsIndexer: false, ExplicitInterfaceImplementations.Length: 0 } property || property.IsImplicitlyDeclared) continue;
            if (property.DeclaringSyntaxReferences.Length == 0) continue;
            if (property.DeclaringSyntaxReferences[0].GetSyntax(ct) is not PropertyDeclarationSyntax syntax) continue;
            yield return (property, syntax);
        }
    }

    /// <summary>Whether the generated constructor may assign the property: an auto-property with a getter, not abstract, extern or partial.</summary>
    private static bool IsAssignableAutoProperty(IPropertySymbol property, PropertyDeclarationSyntax syntax)
        => !property.IsStatic && !property.IsAbstract && !property.IsExtern && property.GetMethod is not null &&
           syntax.ExpressionBody is null && syntax.AccessorList is { } accessors &&
           !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) &&
           accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    private static (TemplateMemberModel Model, Location KeyLocation, string Property)? ReadMember(
        INamedTypeSymbol type, IPropertySymbol property, PropertyDeclarationSyntax syntax, Compilation compilation,
        ImmutableArray<FlowProblem>.Builder problems, CancellationToken ct)
    {
        var attributes = property.GetAttributes();
        var fieldAttribute = FlowRules.FindAttribute(attributes, TemplateRules.FieldAttributeName);
        var tableAttribute = FlowRules.FindAttribute(attributes, TemplateRules.TableAttributeName);
        var name = property.Name;

        if (fieldAttribute is not null && tableAttribute is not null)
        {
            problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.FieldAndTable, syntax.Identifier.GetLocation(), new object[] { name, type.Name }));
            return null;
        }

        if (!IsAssignableAutoProperty(property, syntax))
        {
            if (fieldAttribute is not null || tableAttribute is not null)
            {
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.MarkedPropertyNotAssignable, syntax.Identifier.GetLocation(),
                    new object[] { name, type.Name, fieldAttribute is not null ? "TemplateField" : "TemplateTable" }));
            }

            return null;
        }

        var propertyType = property.Type;
        if (propertyType.TypeKind == TypeKind.Error || ContainsError(propertyType)) return null;
        var typeLocation = syntax.Type.GetLocation();

        var key = ReadKey(tableAttribute ?? fieldAttribute, name, syntax.Identifier, ct, out var keyLocation, out var keyKnown);
        if (!keyKnown) return null;
        if (key.Trim().Length == 0)
        {
            problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.InvalidKey, keyLocation, new object[] { FlowRules.Printable(key), name, type.Name }));
            return null;
        }

        var isList = TemplateRules.IsReadOnlyList(propertyType, out var rowType);
        if (tableAttribute is not null && !isList && TemplateRules.OtherCollectionElement(propertyType) is null)
        {
            problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.TableAttributeOnNonList, typeLocation, new object[] { name, type.Name, propertyType.ToDisplayString() }));
            return null;
        }

        if (isList && fieldAttribute is null)
        {
            var columns = ReadColumns(type, name, rowType!, compilation, typeLocation, problems, ct);
            if (columns is null) return null;
            var row = rowType!.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return (new TemplateMemberModel(UniqueNameBuilder.Escape(name), key, "GetTable", "", row, new EquatableArray<TemplateMemberModel>(columns),
                property.NullableAnnotation == NullableAnnotation.NotAnnotated ? $"global::System.Array.Empty<{row}>()" : null), keyLocation, name);
        }

        var value = ReadValue(property, propertyType, name, key);
        if (value is null)
        {
            if (fieldAttribute is null && TemplateRules.OtherCollectionElement(propertyType) is { } element && TemplateRules.Classify(element, out _) == TemplateValueKind.None)
            {
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.UnsupportedTableCollection, typeLocation,
                    new object[] { name, type.Name, propertyType.ToDisplayString(), element.ToDisplayString() }, ChangeToReadOnlyListFix));
            }
            else
            {
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.UnsupportedFieldType, typeLocation, new object[] { name, type.Name, propertyType.ToDisplayString() }));
            }

            return null;
        }

        return (value, keyLocation, name);
    }

    private static TemplateMemberModel? ReadValue(IPropertySymbol property, ITypeSymbol type, string name, string key)
    {
        var kind = TemplateRules.Classify(type, out var nullableValueType);
        if (kind == TemplateValueKind.None) return null;
        var suffix = kind switch
        {
            TemplateValueKind.Raw => "",
            TemplateValueKind.String => property.NullableAnnotation == NullableAnnotation.NotAnnotated ? " ?? \"\"" : "",
            _ => nullableValueType ? "" : ".GetValueOrDefault()",
        };
        return new TemplateMemberModel(UniqueNameBuilder.Escape(name), key, TemplateRules.ReaderMethod(kind), suffix, null, default,
            suffix == " ?? \"\"" ? "\"\"" : null);
    }

    /// <summary>The columns of <paramref name="rowType"/>, or <see langword="null"/> (after reporting why) when it cannot be filled.</summary>
    private static List<TemplateMemberModel>? ReadColumns(
        INamedTypeSymbol type, string tableProperty, ITypeSymbol rowType, Compilation compilation, Location location,
        ImmutableArray<FlowProblem>.Builder problems, CancellationToken ct)
    {
        if (rowType.TypeKind == TypeKind.Error || ContainsError(rowType)) return null;
        var why = WhyRowCannotBeFilled(type, rowType, compilation);
        if (why is not null)
        {
            problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.RowTypeCannotBeFilled, location,
                new object[] { tableProperty, type.Name, rowType.ToDisplayString(), why }));
            return null;
        }

        var columns = new List<(TemplateMemberModel Model, Location KeyLocation, string Property)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failed = false;
        for (var t = rowType as INamedTypeSymbol; t is not null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                ct.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, SetMethod: { } setter } property ||
                    property.IsImplicitlyDeclared || property.IsAbstract || !seen.Add(property.Name) ||
                    !compilation.IsSymbolAccessibleWithin(setter, type))
                {
                    continue;
                }

                // A record's EqualityContract is protected and get-only; skipped above. Unresolved types: skipped, not reported.
                if (property.Type.TypeKind == TypeKind.Error || ContainsError(property.Type)) continue;
                var fieldAttribute = FlowRules.FindAttribute(property.GetAttributes(), TemplateRules.FieldAttributeName);
                var key = ReadKey(fieldAttribute, property.Name, null, ct, out _, out var keyKnown);
                if (!keyKnown) continue;
                if (key.Trim().Length == 0)
                {
                    problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.InvalidKey, location, new object[] { FlowRules.Printable(key), property.Name, rowType.Name }));
                    failed = true;
                    continue;
                }

                var value = ReadValue(property, property.Type, property.Name, key);
                if (value is null)
                {
                    problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.UnsupportedColumnType, location,
                        new object[] { property.Name, rowType.Name, property.Type.ToDisplayString(), tableProperty, type.Name }));
                    failed = true;
                    continue;
                }

                columns.Add((value, location, property.Name));
            }
        }

        if (failed) return null;
        if (columns.Count == 0)
        {
            problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.RowTypeCannotBeFilled, location,
                new object[] { tableProperty, type.Name, rowType.ToDisplayString(), "it has no settable property (set or init) the generated code can fill" }));
            return null;
        }

        var before = problems.Count;
        CheckDuplicates(rowType.Name, columns, "column", problems);
        return problems.Count == before ? columns.Select(c => c.Model).ToList() : null;
    }

    private static string? WhyRowCannotBeFilled(INamedTypeSymbol template, ITypeSymbol rowType, Compilation compilation)
    {
        if (TemplateRules.Classify(rowType, out _) != TemplateValueKind.None)
        {
            return "a row is an object with one property per column, not a single value";
        }

        if (rowType is not INamedTypeSymbol named || rowType.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return rowType.TypeKind == TypeKind.Interface ? "it is an interface" : "it is not a class, struct or record";
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return "a row cannot be a nullable struct";
        if (named.IsStatic) return "it is static";
        if (named.IsAbstract) return "it is abstract";
        if (!compilation.IsSymbolAccessibleWithin(named, template)) return "it is not accessible from the template class";
        if (named.TypeKind == TypeKind.Class &&
            !named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && compilation.IsSymbolAccessibleWithin(c, template)))
        {
            return "it has no accessible parameterless constructor (a positional record needs one too)";
        }

        return null;
    }

    private static void CheckDuplicates(
        string typeName, IReadOnlyList<(TemplateMemberModel Model, Location KeyLocation, string Property)> members, string what,
        ImmutableArray<FlowProblem>.Builder problems)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (first.TryGetValue(member.Model.Key, out var previous))
            {
                problems.Add(new FlowProblem(TemplateDiagnosticDescriptors.DuplicateKey, member.KeyLocation,
                    new object[] { previous, member.Property, typeName, member.Model.Key, what }));
            }
            else
            {
                first.Add(member.Model.Key, member.Property);
            }
        }
    }

    /// <summary>The key from the attribute's first argument, or the snake_case property name; <paramref name="known"/> is false while the argument is half-typed.</summary>
    private static string ReadKey(AttributeData? attribute, string propertyName, SyntaxToken? identifier, CancellationToken ct, out Location location, out bool known)
    {
        known = true;
        location = identifier?.GetLocation() ?? Location.None;
        if (attribute is null || attribute.ConstructorArguments.Length == 0) return FlowRules.ToSnakeCase(propertyName);
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
        {
            known = false;
            return "";
        }

        if (identifier is not null && ArgumentLocation(attribute, ct) is { } argument) location = argument;
        return attribute.ConstructorArguments[0].Value as string ?? "";
    }

    private static bool ContainsError(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => ContainsError(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsError),
        _ => false,
    };

    /// <summary>Where the attribute's first positional argument is written.</summary>
    private static Location? ArgumentLocation(AttributeData attribute, CancellationToken ct)
        => attribute.ApplicationSyntaxReference?.GetSyntax(ct) is AttributeSyntax { ArgumentList: { } list }
            ? list.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression.GetLocation()
            : null;

    /// <summary><c>A.B.Outer+Name.Template</c>: apart from a flow class's file even when one class is both.</summary>
    private static string HintName(INamedTypeSymbol type) => DeclaredType.HintName(type) + ".Template";
}
