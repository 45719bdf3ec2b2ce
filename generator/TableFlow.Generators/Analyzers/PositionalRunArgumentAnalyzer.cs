using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Diagnostics;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Analyzers;

/// <summary>
/// TF0012: warns on each argument of a call to a generated <c>RunAsync</c> that is passed by position after the
/// required files. Every later parameter is optional and many are strings (guidance, the run's name), so
/// <c>flow.RunAsync(po, invoice, null, "PO-123")</c> compiles and sends <c>"PO-123"</c> as a field's guidance.
/// </summary>
/// <remarks>
/// A generated <c>RunAsync</c> is told apart from a user's own by what the generator writes on it: the method sits in
/// a <c>[TableFlow]</c> class and carries <c>[GeneratedCode("TableFlow.Generators", …)]</c>. The call may go through
/// a derived class, a variable or an expression of any kind: the check is on the method the call binds to.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PositionalRunArgumentAnalyzer : DiagnosticAnalyzer
{
    private const string MethodName = "RunAsync";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PositionalRunArgument);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var tableFlowAttribute = start.Compilation.GetTypeByMetadataName(FlowRules.TableFlowAttributeName);
            var generatedCodeAttribute = start.Compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
            if (tableFlowAttribute is null || generatedCodeAttribute is null) return;
            start.RegisterOperationAction(
                context => Analyze(context, tableFlowAttribute, generatedCodeAttribute), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol tableFlowAttribute, INamedTypeSymbol generatedCodeAttribute)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != MethodName || !IsGeneratedRunAsync(method, tableFlowAttribute, generatedCodeAttribute)) return;

        foreach (var argument in invocation.Arguments)
        {
            // Required files have no default value and come first; everything after them is optional.
            if (argument.Parameter is not { IsOptional: true } parameter) continue;
            if (argument.ArgumentKind != ArgumentKind.Explicit) continue;
            if (argument.Syntax is not ArgumentSyntax { NameColon: null } syntax) continue;

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.PositionalRunArgument, syntax.GetLocation(), method.ContainingType.Name, parameter.Name));
        }
    }

    /// <summary>Whether <paramref name="method"/> is a <c>RunAsync</c> the TableFlow generator wrote.</summary>
    internal static bool IsGeneratedRunAsync(IMethodSymbol method, INamedTypeSymbol tableFlowAttribute, INamedTypeSymbol generatedCodeAttribute)
    {
        if (method.ContainingType is not { } type || !HasAttribute(type, tableFlowAttribute)) return false;
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, generatedCodeAttribute) &&
                attribute.ConstructorArguments.Length > 0 &&
                attribute.ConstructorArguments[0].Value is string tool &&
                tool == FlowRules.GeneratorName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) return true;
        }

        return false;
    }
}
