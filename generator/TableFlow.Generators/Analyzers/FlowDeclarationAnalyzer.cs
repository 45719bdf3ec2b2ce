using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Analyzers.Definitions;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.Analyzers;

/// <summary>
/// TF0001–TF0009: reports every problem <see cref="FlowDeclaration.Read"/> finds in a <c>[TableFlow]</c> class, at the
/// token it names. The generator reads declarations the same way and emits nothing while an error remains, so what
/// the user sees here is exactly why nothing (or something different) was generated. Reporting from an analyzer
/// rather than the generator keeps <c>#pragma</c>, <c>[SuppressMessage]</c> and <c>.editorconfig</c> severities working.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlowDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ClassNotPartial,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.InvalidFlowId,
        DiagnosticDescriptors.NoFileFields,
        DiagnosticDescriptors.DuplicateFormKey,
        DiagnosticDescriptors.InvalidFormKey,
        DiagnosticDescriptors.ReservedFormKey,
        DiagnosticDescriptors.LooksLikeFile,
        DiagnosticDescriptors.FlowFieldOnOtherType,
        DiagnosticDescriptors.UnsupportedFileShape,
        DiagnosticDescriptors.StaticClass,
        DiagnosticDescriptors.StructType,
        DiagnosticDescriptors.GenericClass,
        DiagnosticDescriptors.FileLocalClass,
        DiagnosticDescriptors.ClassNamedLikeMember,
        DiagnosticDescriptors.LanguageVersionTooOld,
        DiagnosticDescriptors.NestedInGenericType,
        DiagnosticDescriptors.NestedInInterface,
        DiagnosticDescriptors.NestedInFileLocalType,
        DiagnosticDescriptors.PrimaryConstructorWithoutClient,
        DiagnosticDescriptors.BaseWithoutParameterlessConstructor,
        DiagnosticDescriptors.MemberNameTaken,
        DiagnosticDescriptors.RunAsyncTaken,
        DiagnosticDescriptors.ClientConstructorTaken,
        DiagnosticDescriptors.InheritedMemberHidden,
        DiagnosticDescriptors.InheritedRunAsyncHidden,
        DiagnosticDescriptors.DerivedFromFlowClass);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var lookup = FlowFieldLookup.TryCreate(start.Compilation);
            if (lookup is null) return;
            var definitions = FlowDefinitions.Read(start.Options.AdditionalFiles, start.CancellationToken);
            start.RegisterSymbolAction(context => Analyze(context, lookup, definitions), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, FlowFieldLookup lookup, FlowDefinitions? definitions)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!lookup.IsFlowClass(type)) return;
        var declaration = FlowDeclaration.Read(type, context.CancellationToken);
        if (declaration is null) return;

        foreach (var problem in declaration.Problems)
        {
            // TF0003 is not a problem for a schema-first class: its fields come from its flow's definition.
            if (problem.Descriptor == DiagnosticDescriptors.NoFileFields && declaration.FlowId is { } flowId && definitions?.IsSchemaFirst(flowId) == true)
            {
                continue;
            }

            context.ReportDiagnostic(problem.ToDiagnostic());
        }
    }
}
