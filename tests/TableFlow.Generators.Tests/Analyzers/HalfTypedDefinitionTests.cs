using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.Suppressors;

namespace TableFlow.Generators.Tests.Analyzers;

/// <summary>
/// The analyzers read two things the user edits by hand: the C# declaration (and code that uses it) and
/// <c>tableflow.json</c>. Every prefix of either must analyze without an analyzer exception (AD0001).
/// </summary>
public class HalfTypedDefinitionTests
{
    private const string Usage = FlowSources.Readme + """

        public static class Use
        {
            public static object? M(PoReconciliation flow) => flow?.DeliveryNote ?? (object?)flow!.Invoice ?? nameof(PoReconciliation.Attachments);
        }
        """;

    [Fact]
    public async Task Every_token_prefix_of_the_declaration_and_its_use_analyzes_with_the_definition_file()
    {
        var tree = CSharpSyntaxTree.ParseText(Usage);
        var cuts = new SortedSet<int>(tree.GetRoot().DescendantTokens().Select(t => t.Span.End)) { 0 };

        foreach (var cut in cuts)
        {
            var failures = await AnalyzeAsync(Usage.Substring(0, cut), FlowDefinitionFileTests.Example);
            Assert.True(failures.Count == 0, $"prefix ending at {cut}: {string.Join(Environment.NewLine, failures)}");
        }
    }

    [Fact]
    public async Task Every_prefix_of_the_definition_file_analyzes_and_says_it_cannot_be_read()
    {
        var json = FlowDefinitionFileTests.Example;
        for (var cut = 0; cut < json.Length; cut += 7)
        {
            var failures = await AnalyzeAsync(Usage, json.Substring(0, cut), expectUnreadable: true);
            Assert.True(failures.Count == 0, $"JSON prefix of {cut} characters: {string.Join(Environment.NewLine, failures)}");
        }
    }

    private static async Task<List<string>> AnalyzeAsync(string source, string json, bool expectUnreadable = false)
    {
        var exceptions = new ConcurrentQueue<string>();
        var analyzers = new DiagnosticAnalyzer[]
        {
            new FlowDeclarationAnalyzer(), new FlowDefinitionAnalyzer(), new FileFieldReadAnalyzer(), new FileFieldNullabilitySuppressor(),
        };
        var diagnostics = await AnalyzerRun.AllDiagnosticsAsync(
            AnalyzerRun.Compile(source), analyzers, new[] { new InMemoryAdditionalText("/src/tableflow.json", json) }, exceptions);

        var failures = exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString())).ToList();
        if (expectUnreadable && !diagnostics.Any(d => d.Id == "TF0010" && d.GetMessage().Contains("could not be read")))
        {
            failures.Add("no TF0010 says the truncated file could not be read");
        }

        return failures;
    }
}
