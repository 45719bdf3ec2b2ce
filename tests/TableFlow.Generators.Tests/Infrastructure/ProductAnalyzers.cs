using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TableFlow.Generators.Tests.Infrastructure;

/// <summary>The analyzers and suppressors shipped in the TableFlow.Generators assembly, discovered rather than named.</summary>
internal static class ProductAnalyzers
{
    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> (suppressors included) of the generator assembly.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = typeof(TableFlowGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Whether the assembly ships a suppressor (the one for CS8618 on file-field properties).</summary>
    public static bool HasSuppressor => All.Any(a => a is DiagnosticSuppressor);

    /// <summary>Analyzer options that record every analyzer exception in <paramref name="exceptions"/>.</summary>
    public static CompilationWithAnalyzersOptions Options(ConcurrentQueue<string> exceptions, params AdditionalText[] additionalTexts)
        => new(
            new AnalyzerOptions(additionalTexts.ToImmutableArray()),
            onAnalyzerException: (e, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {e}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

    /// <summary>
    /// Compiler and analyzer diagnostics of <paramref name="compilation"/> as a build reports them (suppressed ones
    /// left out), plus one line per analyzer exception.
    /// </summary>
    public static (IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions) Diagnose(Compilation compilation, params AdditionalText[] additionalTexts)
    {
        if (All.IsEmpty) return (compilation.GetDiagnostics(), Array.Empty<string>());
        var exceptions = new ConcurrentQueue<string>();
        var diagnostics = compilation.WithAnalyzers(All, Options(exceptions, additionalTexts)).GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return (diagnostics, exceptions.ToList());
    }
}
