using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TableFlow.Generators.Emit;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Templates;

/// <summary>
/// The typed-template half of <see cref="TableFlowGenerator"/>: its own <c>ForAttributeWithMetadataName</c> pipeline
/// over <c>[TableFlowTemplate]</c> classes, from declaration to <see cref="TemplateModel"/> to source. Declarations with
/// errors get no output; <see cref="TemplateDeclarationAnalyzer"/> reports why.
/// </summary>
internal static class TemplatePipeline
{
    /// <summary>Adds the template pipeline to the generator.</summary>
    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TemplateRules.TemplateAttributeName,
                static (node, _) => node is ClassDeclarationSyntax || node is RecordDeclarationSyntax || node is StructDeclarationSyntax,
                static (ctx, ct) => Parse(ctx, ct))
            .WithTrackingName(TemplateTrackingNames.TemplateModels)
            .Where(static model => model is not null)
            .WithTrackingName(TemplateTrackingNames.ValidTemplateModels);

        // Usually empty, so after an edit it compares equal and every file stays cached.
        var caseClashes = models
            .Select(static (model, _) => model!.HintName)
            .Collect()
            .Select(static (names, _) => HintNames.CaseClashes(names))
            .WithTrackingName(TemplateTrackingNames.TemplateHintNameClashes);

        context.RegisterSourceOutput(
            models.Combine(caseClashes),
            static (spc, pair) => spc.AddSource(HintNames.Of(pair.Left!.HintName, pair.Right), TemplateEmitter.Emit(pair.Left)));
    }

    /// <summary>The model of the class the attribute sits on, or <see langword="null"/> when nothing should be generated.</summary>
    public static TemplateModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax node) return null;

        // With the attribute on several parts (already a compiler error), generate once, for the part that holds the first.
        var attribute = context.Attributes.Length == 1 && type.DeclaringSyntaxReferences.Length == 1
            ? context.Attributes[0]
            : FlowRules.FindAttribute(type.GetAttributes(), TemplateRules.TemplateAttributeName);
        var attributeSyntax = attribute?.ApplicationSyntaxReference;
        if (attribute is null || attributeSyntax is null || attributeSyntax.SyntaxTree != node.SyntaxTree || !node.Span.Contains(attributeSyntax.Span))
        {
            return null;
        }

        return TemplateDeclaration.Read(type, attribute, context.SemanticModel.Compilation, ct).Model;
    }
}
