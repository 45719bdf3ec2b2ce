using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Tests.Analyzers;

namespace TableFlow.Generators.Tests.CodeFixes;

/// <summary>A code-fix test with offline references (before and after the fix) and nullable analysis on.</summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = TestReferences.Net100;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);
        SolutionTransforms.Add(TestReferences.EnableNullable);

        // An id has one descriptor per situation (each its own message format); markup names the id only.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
    }

    /// <summary>Applies the fix to every marked diagnostic of <paramref name="source"/> and compares with <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource) => new CodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource).RunAsync();
}
