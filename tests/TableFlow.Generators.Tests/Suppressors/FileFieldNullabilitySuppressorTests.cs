using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.Suppressors;
using TableFlow.Generators.Tests.Analyzers;

namespace TableFlow.Generators.Tests.Suppressors;

public class FileFieldNullabilitySuppressorTests
{
    [Fact]
    public async Task Without_a_constructor_CS8618_at_each_required_file_field_is_suppressed()
    {
        var diagnostics = await AllDiagnosticsAsync(Compile(FlowSources.Readme));

        var cs8618 = diagnostics.Where(d => d.Id == "CS8618").ToArray();
        Assert.Equal(new[] { "PurchaseOrder", "Invoice" }, cs8618.Select(SpanText));
        Assert.All(cs8618, d => AssertSuppressedByUs(d));
    }

    [Fact]
    public async Task Control_without_the_suppressor_the_generated_readme_declaration_fails_the_build()
    {
        var diagnostics = await AllDiagnosticsAsync(RunGenerator(Compile(FlowSources.Readme)), withSuppressor: false);

        var errors = diagnostics.Where(d => !d.IsSuppressed && d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.Equal(new[] { "CS8618", "CS8618" }, errors.Select(d => d.Id));
    }

    [Fact]
    public async Task CS8618_on_other_members_non_flow_classes_and_ignored_properties_is_left_alone()
    {
        var diagnostics = await AllDiagnosticsAsync(Compile("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Po
            {
                public FlowFile Invoice { get; }
                public string Title { get; }
                [FlowIgnore] public FlowFile Kept { get; }
            }
            public class NotAFlow
            {
                public FlowFile Invoice { get; }
            }
            """));

        var cs8618 = diagnostics.Where(d => d.Id == "CS8618").ToDictionary(d => SpanText(d) + "@" + d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(4, cs8618.Count);
        AssertSuppressedByUs(cs8618["Invoice@4"]);
        Assert.False(cs8618["Title@5"].IsSuppressed);
        Assert.False(cs8618["Kept@6"].IsSuppressed);
        Assert.False(cs8618["Invoice@10"].IsSuppressed);
    }

    [Fact]
    public async Task At_a_user_constructor_only_the_file_fields_are_suppressed()
    {
        var diagnostics = await AllDiagnosticsAsync(Compile("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Po
            {
                public Po(int retries) { }
                public FlowFile Invoice { get; }
                public string Title { get; }
            }
            """));

        var atConstructor = diagnostics.Where(d => d.Id == "CS8618").ToArray();
        Assert.All(atConstructor, d => Assert.Equal("Po", SpanText(d)));
        Assert.Equal(2, atConstructor.Length);
        AssertSuppressedByUs(Assert.Single(atConstructor, d => d.GetMessage().Contains("'Invoice'")));
        Assert.False(Assert.Single(atConstructor, d => d.GetMessage().Contains("'Title'")).IsSuppressed);
    }

    [Fact]
    public async Task With_the_generator_the_readme_declaration_has_no_unsuppressed_diagnostic_under_warnings_as_errors()
    {
        var output = RunGenerator(Compile(FlowSources.Readme));

        var diagnostics = await AllDiagnosticsAsync(output);

        Assert.Empty(diagnostics.Where(d => !d.IsSuppressed && d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        // The compiler now reports CS8618 at the generated constructor, in the generated file: proof the suppressor did the work.
        var suppressed = diagnostics.Where(d => d.Id == "CS8618").ToArray();
        Assert.Equal(2, suppressed.Length);
        Assert.All(suppressed, d =>
        {
            AssertSuppressedByUs(d);
            Assert.EndsWith(".g.cs", d.Location.SourceTree!.FilePath);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        });
    }

    [Fact]
    public async Task With_the_generator_chaining_user_constructors_compile_clean()
    {
        var output = RunGenerator(Compile("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Po
            {
                public Po(TableFlowClient client, int retries) : this(client) { Retries = retries; }
                public Po(string apiKey) : this(new TableFlowClient(apiKey)) { }
                public int Retries { get; }
                public FlowFile Invoice { get; }
                public FlowFile? Note { get; }
            }
            """));

        var diagnostics = await AllDiagnosticsAsync(output);

        Assert.Empty(diagnostics.Where(d => !d.IsSuppressed && d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        AssertSuppressedByUs(Assert.Single(diagnostics, d => d.Id == "CS8618"));
    }

    [Fact]
    public async Task With_the_generator_a_constructor_that_does_not_chain_keeps_only_the_client_field_warning()
    {
        var output = RunGenerator(Compile("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Po
            {
                internal Po(int retries) { }
                public FlowFile Invoice { get; }
            }
            """));

        var diagnostics = await AllDiagnosticsAsync(output);

        var atUserConstructor = diagnostics.Where(d => d.Id == "CS8618" && d.Location.SourceTree!.FilePath == "User.cs").ToArray();
        Assert.Equal(2, atUserConstructor.Length);
        AssertSuppressedByUs(Assert.Single(atUserConstructor, d => d.GetMessage().Contains("'Invoice'")));
        // The generated client field really is left null: that warning tells the user to chain with ': this(client)'.
        Assert.False(Assert.Single(atUserConstructor, d => d.GetMessage().Contains("'_tableFlowClient'")).IsSuppressed);
    }

    private static void AssertSuppressedByUs(Diagnostic diagnostic)
    {
        // Nothing else in these compilations suppresses CS8618 (no pragma, no other suppressor): see the control test.
        Assert.True(diagnostic.IsSuppressed, $"not suppressed: {diagnostic}");
    }

    private static string SpanText(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    private static CSharpCompilation Compile(string source) => AnalyzerRun.Compile(source, ReportDiagnostic.Error);

    private static Compilation RunGenerator(CSharpCompilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create(new TableFlowGenerator()).WithUpdatedParseOptions((CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.True(output.SyntaxTrees.Count() > compilation.SyntaxTrees.Count(), "the generator produced nothing");
        return output;
    }

    /// <summary>Compiler and analyzer diagnostics, suppressed ones included, with every TableFlow analyzer and (unless told otherwise) the suppressor.</summary>
    private static Task<ImmutableArray<Diagnostic>> AllDiagnosticsAsync(Compilation compilation, bool withSuppressor = true)
    {
        var analyzers = new List<DiagnosticAnalyzer> { new FlowDeclarationAnalyzer(), new FileFieldReadAnalyzer(), new FlowDefinitionAnalyzer() };
        if (withSuppressor) analyzers.Add(new FileFieldNullabilitySuppressor());
        return AnalyzerRun.AllDiagnosticsAsync(compilation, analyzers);
    }
}
