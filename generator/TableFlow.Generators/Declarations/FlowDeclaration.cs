using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TableFlow.Generators;

/// <summary>
/// A <c>[TableFlow]</c> class as the declaration rules read it: its flow id, its file fields in declaration order and
/// every problem with it. The generator and the analyzers both start here, so they cannot disagree about a declaration.
/// </summary>
internal sealed class FlowDeclaration
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
    /// Reads <paramref name="type"/>, or returns <see langword="null"/> when it has no <c>[TableFlow]</c> attribute.
    /// Never throws for half-typed code: unresolved types and arguments yield no problems for that part.
    /// </summary>
    public static FlowDeclaration? Read(INamedTypeSymbol type, CancellationToken ct)
    {
        var attribute = FlowRules.FindAttribute(type.GetAttributes(), FlowRules.TableFlowAttributeName);
        if (attribute is null) return null;

        var problems = ImmutableArray.CreateBuilder<FlowProblem>();
        var classLocation = ClassIdentifierLocation(type, attribute, ct);

        var notPartial = FlowRules.FindNonPartialTypes(type, ct);
        if (notPartial.Count > 0)
        {
            problems.Add(new FlowProblem(FlowProblemIds.NotPartial, classLocation, FlowRules.NotPartialMessage(type, notPartial)));
        }

        var primary = FlowRules.FindPrimaryConstructorDeclaration(type, ct);
        var unsupported = FlowRules.WhyCannotTakeMembers(type, primary, ct);
        IParameterSymbol? clientParameter = null;
        if (unsupported is not null)
        {
            // A primary constructor without a client is the one TF0008 with a code fix: it sits on the parameter list.
            var missingClient = primary is not null && FlowRules.FindClientParameter(type, primary, ct) is null && !type.IsStatic &&
                                type.TypeKind == TypeKind.Class && type.TypeParameters.IsEmpty;
            problems.Add(new FlowProblem(
                FlowProblemIds.UnsupportedClass,
                missingClient ? primary!.ParameterList!.GetLocation() : classLocation,
                unsupported,
                missingClient ? FlowProblem.AddClientParameterFix : null));
        }
        else if (primary is not null)
        {
            clientParameter = FlowRules.FindClientParameter(type, primary, ct);
        }

        var flowId = ReadFlowId(attribute, out var flowIdKnown);
        if (flowIdKnown && !FlowRules.IsValidFlowId(flowId, out var idProblem))
        {
            var location = ConstructorArgumentLocation(attribute, ct) ?? classLocation;
            problems.Add(new FlowProblem(FlowProblemIds.InvalidFlowId, location,
                $"The flow id of [TableFlow] class '{type.Name}' is not valid: {idProblem}. Use the id shown in the TableFlow dashboard, such as \"dk4g1tUg1uHLs8YU\"."));
        }

        var fields = ImmutableArray.CreateBuilder<FlowFieldDeclaration>();
        var keyUnknown = new List<bool>();
        foreach (var member in type.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, IsImplicitlyDeclared: false } property ||
                !property.ExplicitInterfaceImplementations.IsEmpty)
            {
                continue;
            }

            var ignored = FlowRules.FindAttribute(property.GetAttributes(), FlowRules.FlowIgnoreAttributeName) is not null;
            var shape = FlowRules.ClassifyType(property.Type, out var nullable);
            if (shape == FieldShape.None)
            {
                if (!ignored && NotSentProblem(type, property) is { } problem) problems.Add(problem);
                continue;
            }

            if (ignored) continue;
            fields.Add(ReadField(property, shape, nullable, ct, out var unknown));
            keyUnknown.Add(unknown);
        }

        if (fields.Count == 0)
        {
            problems.Add(new FlowProblem(FlowProblemIds.NoFileFields, classLocation,
                $"[TableFlow] class '{type.Name}' declares no file-field property, so its RunAsync sends no file. Declare one property per file of the flow, such as 'public FlowFile Invoice {{ get; }}'."));
        }

        CheckKeys(type, fields, keyUnknown, problems);
        CheckGeneratedNames(type, fields, primary is not null, problems, ct);
        CheckInheritedNames(type, fields, classLocation, problems);

        return new FlowDeclaration(type, attribute, classLocation, flowId, fields.ToImmutable(), problems.ToImmutable(), primary is not null, clientParameter);
    }

    /// <summary>TF0007 for a property that is not a file field but was surely meant as one: it has [FlowField] or a file-like type.</summary>
    private static FlowProblem? NotSentProblem(INamedTypeSymbol type, IPropertySymbol property)
    {
        if (property.Type.TypeKind == TypeKind.Error) return null;
        string why, remedy;
        if (FlowRules.HoldsFlowFile(property.Type))
        {
            // List<FlowFile>, ImmutableArray<FlowFile>, FlowFile[][] …: meant as a field, in a shape the generator does not send.
            return new FlowProblem(FlowProblemIds.FileLikeProperty, IdentifierLocation(property),
                $"Property '{property.Name}' of [TableFlow] class '{type.Name}' holds FlowFiles as '{property.Type.ToDisplayString()}', which is not a file-field shape, so it is not sent. Change its type to IReadOnlyList<FlowFile> (or IEnumerable<FlowFile>, FlowFile[], FlowFile), or mark it [FlowIgnore].");
        }

        if (FlowRules.FindAttribute(property.GetAttributes(), FlowRules.FlowFieldAttributeName) is not null)
        {
            (why, remedy) = ("has [FlowField]", "remove [FlowField]");
        }
        else if (FlowRules.LooksLikeFile(property.Type, property.Name))
        {
            (why, remedy) = ("looks like a file", "mark it [FlowIgnore]");
        }
        else
        {
            return null;
        }

        return new FlowProblem(FlowProblemIds.FileLikeProperty, IdentifierLocation(property),
            $"Property '{property.Name}' of [TableFlow] class '{type.Name}' {why} but its type '{property.Type.ToDisplayString()}' is not a FlowFile type, so it is not sent. Change its type to FlowFile (or IReadOnlyList<FlowFile> for several files), or {remedy}.");
    }

    private static FlowFieldDeclaration ReadField(IPropertySymbol property, FieldShape shape, bool nullable, CancellationToken ct, out bool keyUnknown)
    {
        var flowField = FlowRules.FindAttribute(property.GetAttributes(), FlowRules.FlowFieldAttributeName);
        var key = FlowRules.ToSnakeCase(property.Name);
        var keyIsExplicit = false;
        var keyLocation = IdentifierLocation(property);
        var required = !nullable;
        string? guidance = null;
        keyUnknown = false;

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
                keyLocation = ConstructorArgumentLocation(flowField, ct) ?? keyLocation;
            }

            foreach (var named in flowField.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error) continue;
                if (named.Key == "Guidance") guidance = named.Value.Value as string;
                else if (named.Key == "Required" && named.Value.Value is bool value) required = value;
            }
        }

        return new FlowFieldDeclaration(property, flowField, key, keyIsExplicit, keyLocation, shape, required, guidance,
            FlowDocumentation.ReadSummary(property, ct));
    }

    private static void CheckKeys(INamedTypeSymbol type, IReadOnlyList<FlowFieldDeclaration> fields, IReadOnlyList<bool> keyUnknown, ImmutableArray<FlowProblem>.Builder problems)
    {
        var valid = new bool[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            if (keyUnknown[i]) continue;
            var field = fields[i];
            valid[i] = FlowRules.IsValidFormKey(field.Key, out var keyProblem);
            if (!valid[i])
            {
                problems.Add(new FlowProblem(FlowProblemIds.InvalidKey, field.KeyLocation,
                    $"The form key '{FlowRules.Printable(field.Key)}' of property '{field.PropertyName}' is not a valid form field name: {keyProblem}. Name the flow's field key in [FlowField(\"key\")], such as [FlowField(\"{FlowRules.ToSnakeCase(field.PropertyName)}\")]."));
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
                problems.Add(new FlowProblem(FlowProblemIds.DuplicateKey, field.KeyLocation,
                    $"Properties '{first.PropertyName}' and '{field.PropertyName}' of [TableFlow] class '{type.Name}' both map to the form key '{field.Key}'. Give one of them its own key with [FlowField(\"key\")], or remove the duplicate."));
                continue;
            }

            var collision = FlowRules.FindReservedCollision(keys, i);
            if (collision is not null)
            {
                problems.Add(new FlowProblem(FlowProblemIds.ReservedKey, field.KeyLocation,
                    $"The form key '{field.Key}' of property '{field.PropertyName}' collides with a name the request already uses: {collision}. Give the property another key with [FlowField(\"key\")]."));
            }
        }
    }

    private static void CheckGeneratedNames(
        INamedTypeSymbol type, IReadOnlyList<FlowFieldDeclaration> fields, bool hasPrimaryConstructor, ImmutableArray<FlowProblem>.Builder problems, CancellationToken ct)
    {
        IReadOnlyList<string>? runAsyncTypes = null;
        foreach (var member in type.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared || member.Locations.IsEmpty) continue;

            string? what = null;
            switch (member.Name)
            {
                case "FlowId":
                case "Fields":
                    if (member is IMethodSymbol { MethodKind: not MethodKind.Ordinary }) break;
                    what = $"'{member.Name}'";
                    break;
                case "RunAsync" when member is not IMethodSymbol:
                    what = "'RunAsync'";
                    break;
                case "RunAsync" when member is IMethodSymbol { MethodKind: MethodKind.Ordinary, TypeParameters.IsEmpty: true } method:
                    runAsyncTypes ??= FlowRules.RunAsyncParameterTypes(fields);
                    if (method.Parameters.Length == runAsyncTypes.Count &&
                        method.Parameters.Select((p, i) => p.RefKind == RefKind.None && FlowRules.TypeKey(p.Type) == runAsyncTypes[i]).All(b => b))
                    {
                        what = "a 'RunAsync' method with the parameters of the generated one";
                    }

                    break;
                // With a primary constructor no constructor is generated: the class's own constructors are its business.
                case ".ctor" when !hasPrimaryConstructor && member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false, Parameters.Length: 1 } ctor &&
                                  FlowRules.IsTableFlowClient(ctor.Parameters[0].Type) && ctor.Parameters[0].RefKind == RefKind.None:
                    what = "a constructor taking only a TableFlowClient";
                    break;
            }

            // Our own generated part is visible to the analyzers; its attributes are read only for a clashing name.
            if (what is not null && !FlowRules.IsOwnGeneratedMember(member))
            {
                problems.Add(new FlowProblem(FlowProblemIds.GeneratedNameTaken, member.Locations[0],
                    $"[TableFlow] class '{type.Name}' declares {what}, which the generator adds itself. Rename or remove the member; to run code at construction, write a constructor with other parameters that chains with ': this(client)'."));
            }
        }
    }

    /// <summary>
    /// TF0009 for a member inherited from a base class that a generated member would hide (CS0108): <c>FlowId</c>,
    /// <c>Fields</c>, or <c>RunAsync</c> as anything but a method with other parameters. Reported on the class, since the
    /// member may live in another assembly.
    /// </summary>
    private static void CheckInheritedNames(INamedTypeSymbol type, IReadOnlyList<FlowFieldDeclaration> fields, Location classLocation, ImmutableArray<FlowProblem>.Builder problems)
    {
        IReadOnlyList<string>? runAsyncTypes = null;
        for (var baseType = type.BaseType; baseType is { SpecialType: not SpecialType.System_Object, TypeKind: not TypeKind.Error }; baseType = baseType.BaseType)
        {
            // Another flow class gets FlowId and Fields from the generator: they are not in the compilation the generator sees.
            if (FlowRules.FindAttribute(baseType.GetAttributes(), FlowRules.TableFlowAttributeName) is not null)
            {
                problems.Add(new FlowProblem(FlowProblemIds.GeneratedNameTaken, classLocation,
                    $"[TableFlow] class '{type.Name}' derives from [TableFlow] class '{baseType.Name}', whose generated FlowId, Fields and RunAsync its own would hide. Derive both from a common base class without [TableFlow] instead."));
                return;
            }

            foreach (var name in FlowRules.GeneratedMemberNames)
            {
                foreach (var member in baseType.GetMembers(name))
                {
                    if (member.IsImplicitlyDeclared || member.DeclaredAccessibility == Accessibility.Private) continue;
                    if (member.DeclaredAccessibility == Accessibility.Internal && !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, type.ContainingAssembly)) continue;
                    if (member is IMethodSymbol method && name == "RunAsync")
                    {
                        runAsyncTypes ??= FlowRules.RunAsyncParameterTypes(fields);
                        if (!method.TypeParameters.IsEmpty || method.Parameters.Length != runAsyncTypes.Count ||
                            !method.Parameters.Select((p, i) => p.RefKind == RefKind.None && FlowRules.TypeKey(p.Type) == runAsyncTypes[i]).All(b => b))
                        {
                            continue;
                        }
                    }

                    var what = member is IMethodSymbol && name == "RunAsync" ? "a 'RunAsync' method with the parameters of the generated one" : $"'{name}'";
                    problems.Add(new FlowProblem(FlowProblemIds.GeneratedNameTaken, classLocation,
                        $"[TableFlow] class '{type.Name}' inherits {what} from '{baseType.Name}', which the generated member would hide. Rename the member in '{baseType.Name}', or do not derive '{type.Name}' from it."));
                    return;
                }
            }
        }
    }

    private static string? ReadFlowId(AttributeData attribute, out bool known)
    {
        known = attribute.AttributeConstructor is not null &&
                attribute.ConstructorArguments.Length == 1 &&
                attribute.ConstructorArguments[0].Kind != TypedConstantKind.Error;
        return known ? attribute.ConstructorArguments[0].Value as string : null;
    }

    private static Location ClassIdentifierLocation(INamedTypeSymbol type, AttributeData attribute, CancellationToken ct)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(ct) is { Parent.Parent: TypeDeclarationSyntax declaration })
        {
            return declaration.Identifier.GetLocation();
        }

        return type.Locations.IsEmpty ? Location.None : type.Locations[0];
    }

    private static Location IdentifierLocation(ISymbol symbol) => symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];

    /// <summary>The expression of the attribute's first positional argument, as written.</summary>
    private static Location? ConstructorArgumentLocation(AttributeData attribute, CancellationToken ct)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(ct) is not AttributeSyntax { ArgumentList: { } list }) return null;
        var argument = list.Arguments.FirstOrDefault(a => a.NameEquals is null);
        return argument?.Expression.GetLocation();
    }
}
