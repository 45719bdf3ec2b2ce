using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Caching;

/// <summary>
/// The generator must not redo work (or re-emit) when nothing about a flow changed, so the IDE stays fast while the
/// user types; and must notice every change that alters the generated code.
/// </summary>
public class CachingTests
{
    private static readonly CSharpParseOptions Options = TestCompilations.ParseOptions();

    private const string Flow = """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("dk4g1tUg1uHLs8YU")]
            public partial class PoReconciliation
            {
                /// <summary>The purchase order.</summary>
                [FlowField(Guidance = "Base number only.")]
                public FlowFile PurchaseOrder { get; }

                [FlowField("invoice")]
                public FlowFile Invoice { get; }

                public int Count() { return 1; }
            }
        }
        """;

    private const string Other = """
        namespace Sample
        {
            public class Other
            {
                public int Compute() { return 1; }
            }
        }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params string[] sources)
    {
        var compilation = TestCompilations.Create(Options, sources);
        return (GeneratorRunner.CreateDriver(Options).RunGenerators(compilation), compilation);
    }

    private static GeneratorRunResult Rerun(GeneratorDriver driver, Compilation compilation)
        => driver.RunGenerators(compilation).GetRunResult().Results.Single();

    private static CSharpCompilation Edit(CSharpCompilation compilation, int treeIndex, string from, string to)
    {
        var tree = compilation.SyntaxTrees.ElementAt(treeIndex);
        var text = tree.GetText().ToString();
        Assert.Contains(from, text);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(from, to))));
    }

    private static void AssertNothingRedone(GeneratorRunResult result)
    {
        var models = StepTracking.Models(result);
        Assert.NotEmpty(models);
        Assert.All(models, m => Assert.Contains(m.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(StepTracking.Outputs(result, TrackingNames.ValidFlowModels), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Second_run_on_a_clone_is_fully_cached_and_no_step_holds_compiler_objects()
    {
        // With a tableflow.json, so that its steps run (and are walked) too.
        var json = new Analyzers.InMemoryAdditionalText("/0/tableflow.json", """
            [{"id": "dk4g1tUg1uHLs8YU", "file_input_config": {"file_fields": [{"key": "purchase_order", "required": true, "file_types": ["pdf"], "max_file_size": 10}, {"key": "invoice", "required": true}]}}]
            """);
        var compilation = TestCompilations.Create(Options, Flow, Other);
        var driver = GeneratorRunner.CreateDriver(Options, true, json).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.All(StepTracking.AllNames, name => Assert.NotEmpty(StepTracking.Outputs(first, name)));
        foreach (var name in StepTracking.AllNames)
        {
            foreach (var (value, _) in StepTracking.Outputs(first, name)) StepTracking.AssertNoCompilerObjects(value, name);
        }

        var second = Rerun(driver, compilation.Clone());
        foreach (var name in StepTracking.AllNames)
        {
            Assert.All(StepTracking.Outputs(second, name), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Adding_an_unrelated_file_redoes_nothing()
    {
        var (driver, compilation) = FirstRun(Flow, Other);
        AssertNothingRedone(Rerun(driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", Options))));
    }

    [Fact]
    public void Editing_an_unrelated_method_body_redoes_nothing()
    {
        var (driver, compilation) = FirstRun(Flow, Other);
        AssertNothingRedone(Rerun(driver, Edit(compilation, 1, "return 1;", "return 2 + 2;")));
    }

    [Fact]
    public void Editing_a_method_body_inside_the_flow_class_reuses_the_model()
    {
        var (driver, compilation) = FirstRun(Flow, Other);
        AssertNothingRedone(Rerun(driver, Edit(compilation, 0, "return 1;", "return 40 + 2;")));
    }

    [Fact]
    public void Whitespace_and_comments_inside_the_flow_class_reuse_the_model()
    {
        var (driver, compilation) = FirstRun(Flow, Other);
        var edited = Edit(compilation, 0, "        public FlowFile Invoice { get; }", "\n\n        // the supplier's bill\n        public   FlowFile   Invoice { get; }   ");
        AssertNothingRedone(Rerun(driver, edited));
    }

    [Theory]
    [InlineData(1, "        public int Compute()", "        /// <summary>Computes.</summary>\n        public int Compute()")]
    [InlineData(0, "        public int Count()", "        /// <summary>Counts.</summary>\n        public int Count()")]
    public void A_doc_comment_on_a_member_that_is_not_a_file_field_reuses_the_model(int file, string from, string to)
    {
        var (driver, compilation) = FirstRun(Flow, Other);
        AssertNothingRedone(Rerun(driver, Edit(compilation, file, from, to)));
    }

    [Theory]
    [InlineData("public FlowFile PurchaseOrder", "public FlowFile Order")]
    [InlineData("[FlowField(\"invoice\")]", "[FlowField(\"bill\")]")]
    [InlineData("Base number only.", "Whole number.")]
    [InlineData("The purchase order.", "The purchase order, as a PDF.")]
    public void Changing_what_is_generated_modifies_the_model_and_the_output(string from, string to)
    {
        var (driver, compilation) = FirstRun(Flow, Other);
        var result = Rerun(driver, Edit(compilation, 0, from, to));
        var model = Assert.Single(StepTracking.Models(result));
        Assert.Equal(IncrementalStepRunReason.Modified, model.Reason);
        Assert.Contains(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void A_second_flow_class_is_new_and_the_first_stays_cached()
    {
        var (driver, compilation) = FirstRun(Flow, Other);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("""
            using TableFlow;
            namespace Sample
            {
                [TableFlow("second")]
                public partial class SecondFlow { public FlowFile Scan { get; } }
            }
            """, Options));

        var models = StepTracking.Models(Rerun(driver, added));
        Assert.Equal(2, models.Count);
        var first = Assert.Single(models, m => m.Model.ClassName == "PoReconciliation");
        var second = Assert.Single(models, m => m.Model.ClassName == "SecondFlow");
        Assert.Contains(first.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Equal(IncrementalStepRunReason.New, second.Reason);
    }
}
