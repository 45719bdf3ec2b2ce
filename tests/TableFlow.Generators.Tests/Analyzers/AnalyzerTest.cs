using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TableFlow.Generators.Tests.Analyzers;

/// <summary>An analyzer test with offline references and nullable analysis on.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.Net100;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        SolutionTransforms.Add(TestReferences.EnableNullable);

        // An id has one descriptor per situation (each its own message format); markup names the id only.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
    }

    /// <summary>Runs the analyzer on <paramref name="source"/> and checks its markup and <paramref name="expected"/>.</summary>
    public static System.Threading.Tasks.Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
