using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TableFlow.Generators.Tests.Analyzers;

/// <summary>
/// Runs analyzers the way the compiler does, outside Microsoft.CodeAnalysis.Testing, for tests that need what it
/// hides: suppressed diagnostics (pragma, suppressor), generator output, additional files, analyzer exceptions.
/// </summary>
internal static class AnalyzerRun
{
    /// <summary>A library compilation of <paramref name="source"/> (as <c>User.cs</c>) with nullable on and every warning level.</summary>
    public static CSharpCompilation Compile(string source, ReportDiagnostic generalOption = ReportDiagnostic.Default)
        => CSharpCompilation.Create(
            "User",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "User.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: generalOption,
                warningLevel: 9999));

    /// <summary>
    /// Compiler and analyzer diagnostics of <paramref name="compilation"/>, suppressed ones included (check
    /// <see cref="Diagnostic.IsSuppressed"/>); analyzer exceptions go to <paramref name="exceptions"/> when given.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> AllDiagnosticsAsync(
        Compilation compilation,
        IEnumerable<DiagnosticAnalyzer> analyzers,
        IEnumerable<AdditionalText>? additionalFiles = null,
        ConcurrentQueue<string>? exceptions = null)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions((additionalFiles ?? Enumerable.Empty<AdditionalText>()).ToImmutableArray()),
            onAnalyzerException: exceptions is null ? null : (e, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {e}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        return compilation.WithAnalyzers(analyzers.ToImmutableArray(), options).GetAllDiagnosticsAsync(CancellationToken.None);
    }
}
