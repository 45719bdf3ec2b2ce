using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Analyzers;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Definitions;

/// <summary>
/// A declaration completed from tableflow.json compiles without a single diagnostic (warning level 9999, nullable on,
/// documentation checked; CS1591 on the user's own undocumented members aside) with the product's analyzers reading
/// the same file: no TF0003, TF0010 or TF0011, no CS8618.
/// </summary>
public class DefinitionComplianceTests
{
    public static IEnumerable<object[]> Cases() => new[]
    {
        new object[] { nameof(DefinitionSources.Declared), LanguageVersion.Latest },
        new object[] { nameof(DefinitionSources.Declared), LanguageVersion.CSharp8 },
        new object[] { nameof(DefinitionSources.SchemaFirst), LanguageVersion.Latest },
        new object[] { nameof(DefinitionSources.SchemaFirstOddKeys), LanguageVersion.Latest },
        new object[] { nameof(DefinitionSources.SchemaFirstOddKeys), LanguageVersion.CSharp7_3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiles_clean_with_the_analyzers_reading_the_same_file(string sourceName, LanguageVersion version)
    {
        var source = (string)typeof(DefinitionSources).GetField(sourceName)!.GetValue(null)!;
        if (version == LanguageVersion.CSharp7_3) source = source.Replace("public string Label { get; } = \"\";", "public string Label { get { return \"\"; } }");
        var json = new InMemoryAdditionalText("/0/tableflow.json", DefinitionSources.Json);
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(version, DocumentationMode.Diagnose), source);
        var run = GeneratorRunner.Run(compilation, json);
        Assert.Empty(run.DriverDiagnostics);

        var (all, exceptions) = ProductAnalyzers.Diagnose(run.Output, json);
        Assert.Empty(exceptions);
        var diagnostics = all
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree is { } tree && compilation.SyntaxTrees.Contains(tree)))
            .ToList();
        Assert.True(diagnostics.Count == 0, "Unexpected diagnostics:\n" + string.Join("\n", diagnostics));
    }

    /// <summary>The check has teeth: the same schema-first class without the file gets TF0003.</summary>
    [Fact]
    public void Without_the_file_the_schema_first_class_gets_TF0003()
    {
        var compilation = TestCompilations.Create(DefinitionSources.SchemaFirst);
        var run = GeneratorRunner.Run(compilation);
        var (all, _) = ProductAnalyzers.Diagnose(run.Output);
        Assert.Contains(all, d => d.Id == "TF0003");
    }

    /// <summary>Code that reads a generated property gets TF0011, as for a declared one; reading it throws rather than giving a silent null.</summary>
    [Fact]
    public void Reading_a_generated_property_warns_TF0011()
    {
        var source = DefinitionSources.SchemaFirst.Replace("public partial class PoReconciliation;", """
            public partial class PoReconciliation
            {
                public string Name() => Invoice.FileName;
            }
            """);
        var json = new InMemoryAdditionalText("/0/tableflow.json", DefinitionSources.Json);
        var run = GeneratorRunner.Run(TestCompilations.Create(source), json);
        var (all, _) = ProductAnalyzers.Diagnose(run.Output, json);
        var tf0011 = Assert.Single(all, d => d.Id == "TF0011");
        Assert.Equal("Invoice", tf0011.Location.SourceTree!.GetText().ToString(tf0011.Location.SourceSpan));
    }
}
