using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TableFlow.Generators.Model;
using TableFlow.Generators.Tests.Analyzers;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Definitions;

/// <summary>
/// tableflow.json in the incremental pipeline: a C# edit does not read or parse the file again, and an edit to the
/// file re-emits only the flows whose definitions changed.
/// </summary>
public class DefinitionCachingTests
{
    private static readonly CSharpParseOptions Options = TestCompilations.ParseOptions();

    private const string Flows = """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("flowA")]
            public partial class FlowA
            {
                public FlowFile Scan { get; }
            }

            [TableFlow("flowB")]
            public partial class FlowB;

            public class Other
            {
                public int Compute() { return 1; }
            }
        }
        """;

    private const string Json = """
        [
          { "id": "flowA", "file_input_config": { "file_fields": [ { "key": "scan", "required": true, "max_file_size": 100 } ] } },
          { "id": "flowB", "file_input_config": { "file_fields": [ { "key": "invoice", "required": true } ] } }
        ]
        """;

    private static readonly IncrementalStepRunReason[] NotRedone = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText File) FirstRun()
    {
        var file = new InMemoryAdditionalText("/0/tableflow.json", Json);
        var compilation = TestCompilations.Create(Options, Flows);
        var driver = GeneratorRunner.CreateDriver(Options, true, file).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation, file);
    }

    private static GeneratorRunResult EditJson(string from, string to)
    {
        var (driver, compilation, file) = FirstRun();
        Assert.Contains(from, Json);
        driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText(file.Path, Json.Replace(from, to)));
        return driver.RunGenerators(compilation).GetRunResult().Results.Single();
    }

    private static IncrementalStepRunReason BoundReason(GeneratorRunResult result, string flowId)
        => StepTracking.Outputs(result, TrackingNames.BoundFlowModels).Single(o => ((FlowModel)o.Value).FlowId == flowId).Reason;

    /// <summary>
    /// Why the source output of <paramref name="flowId"/> was produced. Its value (the sources it added) is not public,
    /// but the outputs come in the order of the models, as the bound-model step lists them.
    /// </summary>
    private static IncrementalStepRunReason OutputReason(GeneratorRunResult result, string flowId)
    {
        var models = StepTracking.Outputs(result, TrackingNames.BoundFlowModels).Select(o => ((FlowModel)o.Value).FlowId).ToList();
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Equal(models.Count, outputs.Count);
        return outputs[models.IndexOf(flowId)].Reason;
    }

    [Fact]
    public void A_CSharp_edit_does_not_read_the_definition_file_again()
    {
        var (driver, compilation, _) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(tree.GetText().ToString().Replace("return 1;", "return 2;"))));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(StepTracking.Outputs(result, TrackingNames.DefinitionFiles), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(StepTracking.Outputs(result, TrackingNames.FlowDefinitions), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(StepTracking.Outputs(result, TrackingNames.BoundFlowModels), o => Assert.Contains(o.Reason, NotRedone));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_flows_definition_re_emits_only_that_flow()
    {
        var result = EditJson("\"key\": \"invoice\", \"required\": true", "\"key\": \"invoice\", \"required\": false");

        Assert.All(StepTracking.Outputs(result, TrackingNames.DefinitionFiles), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Equal(IncrementalStepRunReason.Unchanged, BoundReason(result, "flowA"));
        Assert.Equal(IncrementalStepRunReason.Modified, BoundReason(result, "flowB"));
        Assert.Contains(OutputReason(result, "flowA"), NotRedone);
        Assert.Equal(IncrementalStepRunReason.Modified, OutputReason(result, "flowB"));
    }

    [Fact]
    public void Changing_a_limit_re_emits_only_its_flow()
    {
        var result = EditJson("\"max_file_size\": 100", "\"max_file_size\": 200");

        Assert.Equal(IncrementalStepRunReason.Modified, BoundReason(result, "flowA"));
        Assert.Equal(IncrementalStepRunReason.Unchanged, BoundReason(result, "flowB"));
        Assert.Equal(IncrementalStepRunReason.Modified, OutputReason(result, "flowA"));
        Assert.Contains(OutputReason(result, "flowB"), NotRedone);
    }

    [Fact]
    public void Reformatting_the_file_re_emits_nothing()
    {
        var result = EditJson("[\n  { \"id\": \"flowA\"", "[\n\n    // flow A\n    {   \"id\":\"flowA\"");

        Assert.All(StepTracking.Outputs(result, TrackingNames.FlowDefinitions), o => Assert.Contains(o.Reason, NotRedone));
        Assert.All(StepTracking.Outputs(result, TrackingNames.BoundFlowModels), o => Assert.Contains(o.Reason, NotRedone));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, NotRedone));
    }
}
