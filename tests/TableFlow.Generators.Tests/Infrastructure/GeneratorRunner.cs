using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TableFlow.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="TableFlowGenerator"/> the way the compiler does, with step tracking on.</summary>
internal static class GeneratorRunner
{
    /// <summary>A driver for the generator that parses its output with <paramref name="options"/> and, unless told otherwise, tracks every step.</summary>
    public static GeneratorDriver CreateDriver(CSharpParseOptions options, bool trackSteps = true, params AdditionalText[] additionalTexts)
        => CSharpGeneratorDriver.Create(
            new[] { new TableFlowGenerator().AsSourceGenerator() },
            additionalTexts: additionalTexts,
            parseOptions: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once over <paramref name="compilation"/>, with <paramref name="additionalTexts"/> (such as a tableflow.json) as AdditionalFiles.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation, params AdditionalText[] additionalTexts)
    {
        var driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options, true, additionalTexts)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }
}

/// <summary>The outcome of one generator run.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>The generated sources by hint name.</summary>
    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;
}
