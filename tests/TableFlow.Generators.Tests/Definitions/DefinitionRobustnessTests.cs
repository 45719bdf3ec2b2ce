using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Analyzers;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Definitions;

/// <summary>
/// tableflow.json is edited by hand, as the C# is: every prefix of the file, and every token prefix of a schema-first
/// declaration with the whole file, runs the generator without a failure (CS8784/CS8785) and without a C# error in
/// what it generates.
/// </summary>
public class DefinitionRobustnessTests
{
    private static readonly CSharpParseOptions Options = TestCompilations.ParseOptions();

    private static List<string> Run(ref GeneratorDriver driver, CSharpCompilation compilation, string label)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var generatedTrees = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToHashSet();
        return driverDiagnostics.Select(d => $"{label}: {d}")
            .Concat(output.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
                .Select(d => $"{label}: error in generated code: {d}"))
            .ToList();
    }

    [Fact]
    public void Every_prefix_of_the_definition_file_generates_without_failure()
    {
        var compilation = TestCompilations.Create(Options, DefinitionSources.SchemaFirst, DefinitionSources.SchemaFirstOddKeys,
            DefinitionSources.Declared.Replace("PoReconciliation", "DeclaredFlow"));
        var file = new InMemoryAdditionalText("/0/tableflow.json", "");
        var driver = GeneratorRunner.CreateDriver(Options, false, file);
        var failures = new List<string>();
        AdditionalText current = file;
        var json = DefinitionSources.ObjectForm;
        for (var cut = 0; cut <= json.Length; cut += 3)
        {
            var next = new InMemoryAdditionalText(file.Path, json.Substring(0, cut));
            driver = driver.ReplaceAdditionalText(current, next);
            current = next;
            failures.AddRange(Run(ref driver, compilation, $"JSON prefix of {cut} characters"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Every_token_prefix_of_a_schema_first_declaration_generates_without_failure()
    {
        var source = DefinitionSources.SchemaFirstOddKeys;
        var cuts = new SortedSet<int>(CSharpSyntaxTree.ParseText(source, Options).GetRoot().DescendantTokens().Select(t => t.Span.End)) { 0 };
        var compilation = TestCompilations.Create(Options, "");
        var driver = GeneratorRunner.CreateDriver(Options, false, new InMemoryAdditionalText("/0/tableflow.json", DefinitionSources.Json));
        var failures = new List<string>();
        foreach (var cut in cuts)
        {
            var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(source.Substring(0, cut), Options, path: "User0.cs"));
            failures.AddRange(Run(ref driver, edited, $"prefix ending at {cut}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
