using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Templates;

/// <summary>
/// TF0013–TF0020: reports every problem <see cref="TemplateDeclaration.Read"/> finds in a <c>[TableFlowTemplate]</c>
/// class, at the token it names. The generator reads declarations the same way and emits nothing while an error
/// remains, so this is exactly why nothing was generated; an analyzer (not the generator) reports them so that
/// <c>#pragma</c>, <c>[SuppressMessage]</c> and <c>.editorconfig</c> severities work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TemplateDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        TemplateDiagnosticDescriptors.ClassNotPartial,
        TemplateDiagnosticDescriptors.ContainingTypeNotPartial,
        TemplateDiagnosticDescriptors.InvalidTemplateId,
        TemplateDiagnosticDescriptors.UnsupportedFieldType,
        TemplateDiagnosticDescriptors.UnsupportedTableCollection,
        TemplateDiagnosticDescriptors.UnsupportedColumnType,
        TemplateDiagnosticDescriptors.DuplicateKey,
        TemplateDiagnosticDescriptors.InvalidKey,
        TemplateDiagnosticDescriptors.RowTypeCannotBeFilled,
        TemplateDiagnosticDescriptors.FieldAndTable,
        TemplateDiagnosticDescriptors.TableAttributeOnNonList,
        TemplateDiagnosticDescriptors.MarkedPropertyNotAssignable,
        TemplateDiagnosticDescriptors.UnsupportedClass,
        TemplateDiagnosticDescriptors.MemberNameTaken,
        TemplateDiagnosticDescriptors.InheritedMemberHidden);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(TemplateRules.TemplateAttributeName);
            if (attributeType is null) return;
            start.RegisterSymbolAction(static context => Analyze(context), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = FlowRules.FindAttribute(type.GetAttributes(), TemplateRules.TemplateAttributeName);
        if (attribute is null) return;

        foreach (var problem in TemplateDeclaration.Read(type, attribute, context.Compilation, context.CancellationToken).Problems)
        {
            context.ReportDiagnostic(problem.ToDiagnostic());
        }
    }
}
