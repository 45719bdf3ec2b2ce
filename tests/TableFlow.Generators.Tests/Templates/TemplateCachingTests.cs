using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Templates;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Templates;

/// <summary>
/// The template pipeline must not redo work when nothing about a template changed (the IDE stays fast while the user
/// types elsewhere), and must notice each change that alters the generated code.
/// </summary>
public class TemplateCachingTests
{
    private static readonly CSharpParseOptions Options = TestCompilations.ParseOptions();

    private static readonly string[] Steps =
    {
        TemplateTrackingNames.TemplateModels, TemplateTrackingNames.ValidTemplateModels, TemplateTrackingNames.TemplateHintNameClashes,
    };

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

    private static void AssertTemplatesNotRedone(GeneratorRunResult result)
    {
        var models = StepTracking.Outputs(result, TemplateTrackingNames.TemplateModels);
        Assert.NotEmpty(models);
        Assert.All(models, m => Assert.Contains(m.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(StepTracking.Outputs(result, TemplateTrackingNames.ValidTemplateModels), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Every_step_has_output_holds_no_compiler_objects_and_a_rerun_on_a_clone_is_cached()
    {
        var (driver, compilation) = FirstRun(TemplateCases.Invoice, Other);
        var first = driver.GetRunResult().Results.Single();
        foreach (var name in Steps)
        {
            var outputs = StepTracking.Outputs(first, name);
            Assert.NotEmpty(outputs);
            foreach (var (value, _) in outputs) StepTracking.AssertNoCompilerObjects(value, name);
        }

        AssertTemplatesNotRedone(Rerun(driver, compilation.Clone()));
    }

    [Fact]
    public void An_unrelated_file_edit_leaves_every_template_step_cached()
        => AssertTemplatesNotRedone(Rerun(FirstRun(TemplateCases.Invoice, Other).Driver,
            Edit(TestCompilations.Create(Options, TemplateCases.Invoice, Other), 1, "return 1;", "return 2;")));

    [Fact]
    public void An_added_unrelated_file_leaves_every_template_step_cached()
    {
        var (driver, compilation) = FirstRun(TemplateCases.Invoice, Other);
        AssertTemplatesNotRedone(Rerun(driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Added { }", Options, path: "Added.cs"))));
    }

    [Fact]
    public void Whitespace_after_the_template_in_its_file_leaves_the_output_cached()
    {
        var (driver, compilation) = FirstRun(TemplateCases.Invoice, Other);
        AssertTemplatesNotRedone(Rerun(driver, Edit(compilation, 0, "public int? Quantity { get; init; }", "public int?   Quantity { get; init; }")));
    }

    [Fact]
    public void Renaming_a_field_property_or_changing_a_key_regenerates()
    {
        var (driver, compilation) = FirstRun(TemplateCases.Invoice, Other);
        var renamed = Rerun(driver, Edit(compilation, 0, "InvoiceNumber", "Number"));
        Assert.Contains(StepTracking.Outputs(renamed, TemplateTrackingNames.TemplateModels), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("reader.GetString(\"number\")", renamed.GeneratedSources.Single().SourceText.ToString());

        var rekeyed = Rerun(driver, Edit(compilation, 0, "[TemplateTable(\"line_items\")]", "[TemplateTable(\"lines\")]"));
        Assert.Contains(StepTracking.Outputs(rekeyed, TemplateTrackingNames.TemplateModels), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("reader.GetTable(\"lines\"", rekeyed.GeneratedSources.Single().SourceText.ToString());
    }
}
