using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Robustness;

/// <summary>
/// While the user types, every keystroke is a half-finished declaration. For every prefix of every snapshotted
/// declaration (cut after each token), the generator and all analyzers of the TableFlow.Generators assembly must
/// neither throw nor report their own failure (CS8784/CS8785 for generators, AD0001 for analyzers).
/// </summary>
public class HalfTypedCodeTests
{
    private static readonly string[] FailureIds = { "CS8784", "CS8785", "AD0001" };

    [Theory]
    [MemberData(nameof(FlowCases.Names), MemberType = typeof(FlowCases))]
    public void Every_prefix_runs_the_generator_and_analyzers_without_failure(string caseName)
    {
        var generatedSomething = Sweep(FlowCases.Get(caseName).Source);
        Assert.True(generatedSomething, "the complete declaration should have generated code at least once");
    }

    /// <summary>The declarations that must get a TF diagnostic (primary constructor without a client, file-local, inherited names, unsupported shapes …).</summary>
    public static IEnumerable<object[]> ProblemDeclarations() => Generation.DeclarationOutcomeTests.Declarations().Select(d => new[] { d[0] });

    [Theory]
    [MemberData(nameof(ProblemDeclarations))]
    public void Every_prefix_of_a_declaration_with_a_TF_diagnostic_runs_without_failure(string label)
    {
        var declaration = Generation.DeclarationOutcomeTests.Declarations().Single(d => (string)d[0] == label);
        Sweep(Generation.DeclarationOutcomeTests.Usings + (string)declaration[1]);
    }

    /// <summary>Runs the generator and analyzers on every token prefix of <paramref name="source"/>; returns whether anything was generated.</summary>
    internal static bool Sweep(string source)
    {
        var options = TestCompilations.ParseOptions(LanguageVersion.Latest);
        var tokens = CSharpSyntaxTree.ParseText(source, options).GetRoot().DescendantTokens().ToList();
        var cuts = new SortedSet<int>(tokens.Select(t => t.Span.End)) { 0 };
        var fullCuts = new HashSet<int>(tokens.Where(t => t.Text is ";" or "}" or "]").Select(t => t.Span.End));

        var compilation = TestCompilations.Create(options, "");
        var driver = GeneratorRunner.CreateDriver(options, trackSteps: false);
        var failures = new List<string>();
        var generatedSomething = false;
        foreach (var cut in cuts)
        {
            var prefix = source.Substring(0, cut);
            var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(prefix, options, path: "User0.cs"));
            try
            {
                driver = driver.RunGeneratorsAndUpdateCompilation(edited, out var output, out var diagnostics);
                var result = driver.GetRunResult().Results.Single();
                generatedSomething |= result.GeneratedSources.Length > 0;
                if (result.Exception is not null) failures.Add($"generator threw at {cut}: {result.Exception}");
                failures.AddRange(diagnostics.Where(d => FailureIds.Contains(d.Id)).Select(d => $"at {cut}: {d}"));
                failures.AddRange(RunAnalyzers(output, fullCuts.Contains(cut)).Select(f => $"at {cut}: {f}"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"threw at {cut}: {e}");
            }

            if (failures.Count > 0) break;
        }

        Assert.True(failures.Count == 0, $"Failure on the prefix ending at {failures.FirstOrDefault()}");
        return generatedSomething;
    }

    /// <summary>
    /// Runs the analyzers over the user's tree (syntax, symbol and operation actions). Where the prefix ends a
    /// statement, member or attribute list, the whole compilation is also diagnosed, which adds compilation-end
    /// actions and suppressors; doing that for every token would make the sweep take minutes.
    /// </summary>
    private static IEnumerable<string> RunAnalyzers(Compilation compilation, bool full)
    {
        if (ProductAnalyzers.All.IsEmpty) return Array.Empty<string>();
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(ProductAnalyzers.All, ProductAnalyzers.Options(exceptions));
        var tree = compilation.SyntaxTrees.First();
        var diagnostics = full
            ? withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            : withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult()
                .AddRange(withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult());
        return exceptions.Concat(diagnostics.Where(d => FailureIds.Contains(d.Id)).Select(d => d.ToString()));
    }
}
