using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TableFlow.Generators.Diagnostics;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Declarations;

// The checks of a declaration against the members the generator adds (TF0009): declared in the class or inherited.
internal sealed partial class FlowDeclaration
{
    /// <summary>
    /// A cheap look at names (the declaration table, and constructors in the syntax) before <see cref="CheckGeneratedNames"/>
    /// binds members: most classes declare none of the generated names.
    /// </summary>
    private static bool MayDeclareGeneratedMember(INamedTypeSymbol type, bool hasPrimaryConstructor, CancellationToken ct)
    {
        foreach (var name in FlowRules.GeneratedMemberNames)
        {
            if (type.MemberNames.Contains(name)) return true;
        }

        if (hasPrimaryConstructor) return false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is not TypeDeclarationSyntax part) continue;
            foreach (var member in part.Members)
            {
                if (member is ConstructorDeclarationSyntax { ParameterList.Parameters.Count: 1 } constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword)) return true;
            }
        }

        return false;
    }

    private static void CheckGeneratedNames(
        INamedTypeSymbol type, IReadOnlyList<FlowFieldDeclaration> fields, bool hasPrimaryConstructor, ImmutableArray<FlowProblem>.Builder problems, CancellationToken ct)
    {
        IReadOnlyList<string>? runAsyncTypes = null;
        foreach (var member in type.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared || member.Locations.IsEmpty) continue;

            DiagnosticDescriptor? conflict = null;
            switch (member.Name)
            {
                case "FlowId":
                case "Fields":
                    if (member is IMethodSymbol { MethodKind: not MethodKind.Ordinary }) break;
                    conflict = DiagnosticDescriptors.MemberNameTaken;
                    break;
                case "RunAsync" when member is not IMethodSymbol:
                    conflict = DiagnosticDescriptors.MemberNameTaken;
                    break;
                case "RunAsync" when member is IMethodSymbol { MethodKind: MethodKind.Ordinary, TypeParameters.IsEmpty: true } method:
                    runAsyncTypes ??= FlowRules.RunAsyncParameterTypes(fields);
                    if (method.Parameters.Length == runAsyncTypes.Count &&
                        method.Parameters.Select((p, i) => p.RefKind == RefKind.None && FlowRules.TypeKey(p.Type) == runAsyncTypes[i]).All(b => b))
                    {
                        conflict = DiagnosticDescriptors.RunAsyncTaken;
                    }

                    break;
                // With a primary constructor no constructor is generated: the class's own constructors are its business.
                case ".ctor" when !hasPrimaryConstructor && member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false, Parameters.Length: 1 } ctor &&
                                  FlowRules.IsTableFlowClient(ctor.Parameters[0].Type) && ctor.Parameters[0].RefKind == RefKind.None:
                    conflict = DiagnosticDescriptors.ClientConstructorTaken;
                    break;
            }

            // Our own generated part is visible to the analyzers; its attributes are read only for a clashing name.
            if (conflict is not null && !FlowRules.IsOwnGeneratedMember(member))
            {
                problems.Add(new FlowProblem(conflict, member.Locations[0], new object[] { type.Name, member.Name }));
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
                problems.Add(new FlowProblem(DiagnosticDescriptors.DerivedFromFlowClass, classLocation, new object[] { type.Name, baseType.Name }));
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

                    problems.Add(member is IMethodSymbol && name == "RunAsync"
                        ? new FlowProblem(DiagnosticDescriptors.InheritedRunAsyncHidden, classLocation, new object[] { type.Name, baseType.Name })
                        : new FlowProblem(DiagnosticDescriptors.InheritedMemberHidden, classLocation, new object[] { type.Name, name, baseType.Name }));
                    return;
                }
            }
        }
    }
}
