using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Analyzers.Definitions;
using TableFlow.Generators.Emit;
using TableFlow.Generators.Model;
using TableFlow.Generators.Rules;
using TableFlow.Generators.Templates;

namespace TableFlow.Generators;

/// <summary>
/// Generates the typed members of every <c>[TableFlow]</c> partial class or record: <c>FlowId</c>, <c>Fields</c>, a
/// <c>(TableFlowClient client)</c> constructor (unless a primary constructor takes the client) and <c>RunAsync</c>.
/// Declarations with errors get no output; the analyzers report why.
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
                static (node, _) => node is ClassDeclarationSyntax || (node is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)),
                static (ctx, ct) => FlowParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.FlowModels)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.ValidFlowModels);

        // tableflow.json: read and parsed only when its text changes (a C# edit leaves this step cached), and merged
        // into a value-compared index.
        var definitions = context.AdditionalTextsProvider
            .Where(static file => FlowDefinitionFile.IsDefinitionFile(file.Path))
            .Select(static (file, ct) => FlowDefinitionIndex.ReadFile(
                file.GetText(ct) is { } text ? FlowDefinitionFile.Parse(file.Path, text.ToString()) : FlowDefinitionFile.Unreadable(file.Path)))
            .WithTrackingName(TrackingNames.DefinitionFiles)
            .Collect()
            .Select(static (files, _) => FlowDefinitionIndex.Merge(files))
            .WithTrackingName(TrackingNames.FlowDefinitions);

        // Each flow with its own definition: an edit to the file re-emits only the flows whose definition changed.
        var boundModels = models
            .Combine(definitions)
            .Select(static (pair, ct) => FlowBinder.Bind(pair.Left!, pair.Right.Find(pair.Left!.FlowId), ct))
            .WithTrackingName(TrackingNames.BoundFlowModels);

        // Usually empty, so after an edit it compares equal and every file stays cached.
        var caseClashes = models
            .Select(static (model, _) => model!.HintName)
            .Collect()
            .Select(static (names, _) => HintNames.CaseClashes(names))
            .WithTrackingName(TrackingNames.HintNameClashes);

        context.RegisterSourceOutput(
            boundModels.Combine(caseClashes),
            static (spc, pair) => spc.AddSource(HintNames.Of(pair.Left.HintName, pair.Right), FlowEmitter.Emit(pair.Left)));

        // [TableFlowTemplate] classes: a pipeline of their own (Templates/).
        TemplatePipeline.Register(context);
    }
}
