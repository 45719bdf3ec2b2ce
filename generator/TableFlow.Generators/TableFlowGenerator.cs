using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TableFlow.Generators;

/// <summary>
/// Generates the typed members of every <c>[TableFlow]</c> partial class: <c>FlowId</c>, <c>Fields</c>, a
/// <c>(TableFlowClient client)</c> constructor and <c>RunAsync</c>. Declarations with errors get no output; the
/// analyzers report why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TableFlowGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FlowRules.TableFlowAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => FlowParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.FlowModels)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.ValidFlowModels);

        context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(model!.HintName, FlowEmitter.Emit(model)));
    }
}
