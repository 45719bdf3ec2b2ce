using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Diagnostics;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Declarations;

/// <summary>
/// A <c>[TableFlow]</c> class as the declaration rules read it: its flow id, its file fields in declaration order and
/// every problem with it. The generator and the analyzers both start here, so they cannot disagree about a declaration.
/// </summary>
internal sealed partial class FlowDeclaration
{
    private FlowDeclaration(
        INamedTypeSymbol type,
        AttributeData attribute,
        Location classLocation,
        string? flowId,
        ImmutableArray<FlowFieldDeclaration> fields,
        ImmutableArray<FlowProblem> problems,
        bool hasPrimaryConstructor,
        IParameterSymbol? clientParameter)
    {
        HasPrimaryConstructor = hasPrimaryConstructor;
        ClientParameter = clientParameter;
        Type = type;
        Attribute = attribute;
        ClassLocation = classLocation;
        FlowId = flowId;
        Fields = fields;
        Problems = problems;
        HasErrors = problems.Any(p => !p.IsWarning);
    }

    /// <summary>The <c>[TableFlow]</c> class.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>Its <c>[TableFlow]</c> attribute.</summary>
    public AttributeData Attribute { get; }

    /// <summary>The identifier of the class declaration that carries the attribute.</summary>
    public Location ClassLocation { get; }

    /// <summary>The flow id, or <see langword="null"/> when the argument is missing, <c>null</c> or not yet typed.</summary>
    public string? FlowId { get; }

    /// <summary>Every file-field property, in declaration order.</summary>
    public ImmutableArray<FlowFieldDeclaration> Fields { get; }

    /// <summary>Everything wrong with the declaration (TF0001–TF0009).</summary>
    public ImmutableArray<FlowProblem> Problems { get; }

    /// <summary>Whether the class has a primary constructor (then no constructor is generated).</summary>
    public bool HasPrimaryConstructor { get; }

    /// <summary>The primary constructor's <c>TableFlowClient</c> parameter that the generated members use, or <see langword="null"/>.</summary>
    public IParameterSymbol? ClientParameter { get; }

    /// <summary>Whether any problem is an error (anything but TF0003/TF0007): the generator then emits nothing.</summary>
    public bool HasErrors { get; }

    /// <summary>
    /// Reads <paramref name="type"/> as the analyzers do, every problem included, or returns <see langword="null"/> when
    /// it has no <c>[TableFlow]</c> attribute. Never throws for half-typed code: unresolved types and arguments yield no
    /// problems for that part.
    /// </summary>
    public static FlowDeclaration? Read(INamedTypeSymbol type, CancellationToken ct)
    {
        var attribute = FlowRules.FindAttribute(type.GetAttributes(), FlowRules.TableFlowAttributeName);
        return attribute is null ? null : Read(type, attribute, PropertyBinder.FromSymbols(type), forGeneration: false, ct);
    }

    /// <summary>
    /// Reads <paramref name="type"/>, whose <c>[TableFlow]</c> is <paramref name="attribute"/>: names, attribute arguments,
    /// nullability (<c>?</c>) and doc summaries from the syntax of every part, binding through <paramref name="binder"/>
    /// only each property's type and, where attributes or a rich doc comment matter, its symbol. With
    /// <paramref name="forGeneration"/> the checks that cannot change the generated code (TF0007 warnings) are skipped.
    /// </summary>
    public static FlowDeclaration Read(INamedTypeSymbol type, AttributeData attribute, PropertyBinder binder, bool forGeneration, CancellationToken ct)
    {
        var problems = ImmutableArray.CreateBuilder<FlowProblem>();
        var classLocation = DeclaredType.ClassIdentifierLocation(type, attribute, ct);

        var notPartial = FlowRules.FindNonPartialTypes(type, ct);
        if (notPartial.Count > 0)
        {
            var (descriptor, arguments) = FlowRules.NotPartial(type, notPartial);
            problems.Add(new FlowProblem(descriptor, classLocation, arguments));
        }

        var primary = FlowRules.FindPrimaryConstructorDeclaration(type, ct);
        var unsupported = FlowRules.WhyCannotTakeMembers(type, primary, ct);
        IParameterSymbol? clientParameter = null;
        if (unsupported is { } reason)
        {
            // A primary constructor without a client is the one TF0008 with a code fix: it sits on the parameter list.
            var missingClient = reason.Descriptor == DiagnosticDescriptors.PrimaryConstructorWithoutClient;
            problems.Add(new FlowProblem(
                reason.Descriptor,
                missingClient ? primary!.ParameterList!.GetLocation() : classLocation,
                reason.Arguments,
                missingClient ? FlowProblem.AddClientParameterFix : null));
        }
        else if (primary is not null)
        {
            clientParameter = FlowRules.FindClientParameter(type, primary, ct);
        }

        var flowId = DeclaredType.ReadId(attribute, out var flowIdKnown);
        if (flowIdKnown && !FlowRules.IsValidFlowId(flowId, out var idProblem))
        {
            var location = ConstructorArgumentLocation(attribute, ct) ?? classLocation;
            problems.Add(new FlowProblem(DiagnosticDescriptors.InvalidFlowId, location, new object[] { type.Name, idProblem }));
        }

        var fields = ImmutableArray.CreateBuilder<FlowFieldDeclaration>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is not TypeDeclarationSyntax part) continue;
            foreach (var member in part.Members)
            {
                ct.ThrowIfCancellationRequested();
                if (member is not PropertyDeclarationSyntax property || property.ExplicitInterfaceSpecifier is not null ||
                    property.Modifiers.Any(SyntaxKind.StaticKeyword) || IsPartialImplementation(property))
                {
                    continue;
                }

                var bound = binder.TypeOf(property, ct);
                if (bound is null || bound.TypeKind == TypeKind.Error) continue;

                // The property's own symbol only where its attributes matter.
                var attributes = property.AttributeLists.Count > 0 ? binder.SymbolOf(property, ct)?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty : ImmutableArray<AttributeData>.Empty;
                var ignored = FlowRules.FindAttribute(attributes, FlowRules.FlowIgnoreAttributeName) is not null;
                var shape = FlowRules.ClassifyType(bound, out _);
                if (shape == FieldShape.None)
                {
                    if (!forGeneration && !ignored && NotSentProblem(type, property, bound, attributes) is { } problem) problems.Add(problem);
                    continue;
                }

                if (ignored) continue;
                fields.Add(ReadField(property, attributes, shape, binder, ct));
            }
        }

        if (fields.Count == 0)
        {
            problems.Add(new FlowProblem(DiagnosticDescriptors.NoFileFields, classLocation, new object[] { type.Name }));
        }

        CheckKeys(type, fields, problems);
        if (MayDeclareGeneratedMember(type, primary is not null, ct)) CheckGeneratedNames(type, fields, primary is not null, problems, ct);
        CheckInheritedNames(type, fields, classLocation, problems);

        return new FlowDeclaration(type, attribute, classLocation, flowId, fields.ToImmutable(), problems.ToImmutable(), primary is not null, clientParameter);
    }

    /// <summary>TF0007 for a property that is not a file field but was surely meant as one: FlowFiles in another shape, [FlowField], or a file-like type.</summary>
    private static FlowProblem? NotSentProblem(INamedTypeSymbol type, PropertyDeclarationSyntax property, ITypeSymbol propertyType, ImmutableArray<AttributeData> attributes)
    {
        var name = property.Identifier.ValueText;
        DiagnosticDescriptor descriptor;
        // List<FlowFile>, ImmutableArray<FlowFile>, FlowFile[][] …: meant as a field, in a shape the generator does not send.
        if (FlowRules.HoldsFlowFile(propertyType)) descriptor = DiagnosticDescriptors.UnsupportedFileShape;
        else if (FlowRules.FindAttribute(attributes, FlowRules.FlowFieldAttributeName) is not null) descriptor = DiagnosticDescriptors.FlowFieldOnOtherType;
        else if (FlowRules.LooksLikeFile(propertyType, name)) descriptor = DiagnosticDescriptors.LooksLikeFile;
        else return null;

        return new FlowProblem(descriptor, property.Identifier.GetLocation(), new object[] { name, type.Name, propertyType.ToDisplayString() });
    }

    private static FlowFieldDeclaration ReadField(
        PropertyDeclarationSyntax property, ImmutableArray<AttributeData> attributes, FieldShape shape, PropertyBinder binder, CancellationToken ct)
    {
        var flowField = FlowRules.FindAttribute(attributes, FlowRules.FlowFieldAttributeName);
        var key = FlowRules.ToSnakeCase(property.Identifier.ValueText);
        var keyIsExplicit = false;
        var keyUnknown = false;
        SyntaxNodeOrToken keySyntax = property.Identifier;
        // A bound type syntax carries no annotation; the declared type is annotated exactly when written with '?'.
        var required = property.Type is not NullableTypeSyntax;
        string? guidance = null;

        if (flowField is not null)
        {
            // An unresolved constructor or an argument still being typed: keep the derived key, report nothing about it.
            if (flowField.AttributeConstructor is null || flowField.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
            {
                keyUnknown = true;
            }
            else if (flowField.ConstructorArguments.Length == 1)
            {
                key = flowField.ConstructorArguments[0].Value as string ?? "";
                keyIsExplicit = true;
                if (ConstructorArgument(flowField, ct) is { } argument) keySyntax = argument;
            }

            foreach (var named in flowField.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error) continue;
                if (named.Key == "Guidance") guidance = named.Value.Value as string;
                else if (named.Key == "Required" && named.Value.Value is bool value) required = value;
            }
        }

        return new FlowFieldDeclaration(property, key, keyIsExplicit, keyUnknown, keySyntax, shape, required, guidance,
            FlowDocumentation.ReadSummary(property, binder, ct));
    }

    /// <summary>
    /// The implementing half of a C# 13 partial property (its accessors have bodies): the defining half, which has
    /// none, is the one read, so the property counts once.
    /// </summary>
    private static bool IsPartialImplementation(PropertyDeclarationSyntax property)
        => property.Modifiers.Any(SyntaxKind.PartialKeyword) &&
           (property.ExpressionBody is not null || property.AccessorList?.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null) == true);

    private static void CheckKeys(INamedTypeSymbol type, IReadOnlyList<FlowFieldDeclaration> fields, ImmutableArray<FlowProblem>.Builder problems)
    {
        var valid = new bool[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.KeyUnknown) continue;
            valid[i] = FlowRules.IsValidFormKey(field.Key, out var keyProblem);
            if (!valid[i])
            {
                problems.Add(new FlowProblem(DiagnosticDescriptors.InvalidFormKey, field.KeyLocation,
                    new object[] { FlowRules.Printable(field.Key), field.PropertyName, keyProblem, FlowRules.ToSnakeCase(field.PropertyName) }));
            }
        }

        var keys = fields.Select((f, i) => (valid[i] ? f.Key : "\0invalid" + i, f.Multiple)).ToList();
        for (var i = 0; i < fields.Count; i++)
        {
            if (!valid[i]) continue;
            var field = fields[i];
            var first = Enumerable.Range(0, i).Where(j => valid[j] && keys[j].Item1 == field.Key).Select(j => fields[j]).FirstOrDefault();
            if (first is not null)
            {
                problems.Add(new FlowProblem(DiagnosticDescriptors.DuplicateFormKey, field.KeyLocation,
                    new object[] { first.PropertyName, field.PropertyName, type.Name, field.Key }));
                continue;
            }

            var collision = FlowRules.FindReservedCollision(keys, i);
            if (collision is not null)
            {
                problems.Add(new FlowProblem(DiagnosticDescriptors.ReservedFormKey, field.KeyLocation, new object[] { field.Key, field.PropertyName, collision }));
            }
        }
    }

    /// <summary>The expression of the attribute's first positional argument, as written.</summary>
    private static ExpressionSyntax? ConstructorArgument(AttributeData attribute, CancellationToken ct)
        => attribute.ApplicationSyntaxReference?.GetSyntax(ct) is AttributeSyntax { ArgumentList: { } list }
            ? list.Arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression
            : null;

    /// <summary>Where the attribute's first positional argument is written.</summary>
    private static Location? ConstructorArgumentLocation(AttributeData attribute, CancellationToken ct) => ConstructorArgument(attribute, ct)?.GetLocation();
}
