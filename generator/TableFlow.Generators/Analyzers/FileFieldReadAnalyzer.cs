using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.Analyzers;

/// <summary>
/// TF0011: warns where code reads a file-field property. Those properties only declare the flow's fields (as
/// <c>[LoggerMessage]</c> methods declare log messages); they are never assigned, so a read always yields <c>null</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FileFieldReadAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.FileFieldRead);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var lookup = FlowFieldLookup.TryCreate(start.Compilation);
            if (lookup is null) return;
            start.RegisterOperationAction(context => Analyze(context, lookup), OperationKind.PropertyReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, FlowFieldLookup lookup)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        var property = reference.Property;
        if (IsWrite(reference) || IsInsideNameof(reference)) return;
        if (!lookup.IsFileField(property, context.CancellationToken)) return;

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.FileFieldRead, NameLocation(reference.Syntax), property.ContainingType.Name + "." + property.Name));
    }

    // A plain assignment, or a deconstruction into the property, stores without reading; compound assignments read.
    private static bool IsWrite(IOperation reference)
    {
        var target = reference;
        while (target.Parent is ITupleOperation tuple) target = tuple;
        return target.Parent switch
        {
            ISimpleAssignmentOperation assignment => assignment.Target == target,
            IDeconstructionAssignmentOperation deconstruction => target != reference && deconstruction.Target == target,
            _ => false,
        };
    }

    private static bool IsInsideNameof(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation) return true;
        }

        return false;
    }

    // Point at the property's name in `flow.Document` or `flow?.Document`, not at the whole expression.
    private static Location NameLocation(SyntaxNode syntax) => syntax switch
    {
        MemberAccessExpressionSyntax access => access.Name.GetLocation(),
        MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
        _ => syntax.GetLocation(),
    };
}
