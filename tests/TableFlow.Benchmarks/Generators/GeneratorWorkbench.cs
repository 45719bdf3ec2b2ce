using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TableFlow.Generators;

namespace TableFlow.Benchmarks.Generators;

/// <summary>The three generators under test and the compilations they run on.</summary>
public static class GeneratorWorkbench
{
    /// <summary>Latest C#, doc comments parsed (the compiler's default).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly ImmutableArray<MetadataReference> FlowReferences =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TableFlowClient).Assembly.Location))
            .ToImmutableArray();

    private static readonly ImmutableArray<MetadataReference> RefitReferences =
        FlowReferences.Add(MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location));

    private static readonly Lazy<ISourceGenerator> RefitGenerator = new(LoadRefitGenerator);

    /// <summary>Which generator.</summary>
    public enum Kind
    {
        /// <summary><see cref="FloorGenerator"/> on the flow classes.</summary>
        Floor,

        /// <summary>Our <see cref="TableFlowGenerator"/> on the flow classes.</summary>
        TableFlow,

        /// <summary>Refit 16.4's InterfaceStubGeneratorV2 on the equivalent interfaces.</summary>
        Refit,
    }

    /// <summary>A new instance of generator <paramref name="kind"/>.</summary>
    public static ISourceGenerator Generator(Kind kind) => kind switch
    {
        Kind.Floor => new FloorGenerator().AsSourceGenerator(),
        Kind.TableFlow => new TableFlowGenerator().AsSourceGenerator(),
        Kind.Refit => RefitGenerator.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A fresh compilation for generator <paramref name="kind"/>: the 1,000 flows in its form, plus the unrelated file.</summary>
    public static CSharpCompilation Compilation(Kind kind)
    {
        var files = kind == Kind.Refit ? BenchmarkSources.RefitInterfaces() : BenchmarkSources.FlowClasses();
        var trees = files
            .Append(new KeyValuePair<string, string>(UnrelatedPath, BenchmarkSources.Unrelated(0)))
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Value, System.Text.Encoding.UTF8), ParseOptions, f.Key));
        return CSharpCompilation.Create(
            "Shop",
            trees,
            kind == Kind.Refit ? RefitReferences : FlowReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The path of the unrelated file.</summary>
    public const string UnrelatedPath = "Services/PriceCalculator.cs";

    /// <summary>A driver for one generator; step tracking costs time, so only the steps report turns it on.</summary>
    public static GeneratorDriver Driver(Kind kind, bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            new[] { Generator(kind) },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// <paramref name="compilation"/> with one file replaced by an edited copy, parsed incrementally from the old tree as
    /// the IDE does: the unrelated file, or the method body inside the edited flow.
    /// </summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, Kind kind, Edit edit, int version)
    {
        var (path, text) = edit switch
        {
            Benchmarks.Generators.Edit.UnrelatedFile => (UnrelatedPath, BenchmarkSources.Unrelated(version)),
            Benchmarks.Generators.Edit.FlowMethodBody when kind == Kind.Refit =>
                (BenchmarkSources.RefitPath(BenchmarkSources.EditedFlow), BenchmarkSources.RefitInterface(BenchmarkSources.EditedFlow, version)),
            Benchmarks.Generators.Edit.FlowMethodBody =>
                (BenchmarkSources.FlowPath(BenchmarkSources.EditedFlow), BenchmarkSources.FlowClass(BenchmarkSources.EditedFlow, version)),
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        };
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var edited = old.WithChangedText(SourceText.From(text, System.Text.Encoding.UTF8));
        return compilation.ReplaceSyntaxTree(old, edited);
    }

    /// <summary>Fails unless generator <paramref name="kind"/> ran clean on <paramref name="compilation"/> and produced what it should.</summary>
    public static void AssertRan(Kind kind, GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) throw new InvalidOperationException($"{kind} threw: {result.Exception}");
        var expected = kind == Kind.Floor ? 0 : BenchmarkSources.Count;
        var generated = result.GeneratedSources.Count(s => s.HintName.Contains("Flow", StringComparison.Ordinal));
        if (generated < expected)
        {
            throw new InvalidOperationException($"{kind} generated {generated} flow sources, expected {expected}; diagnostics: {string.Join("; ", result.Diagnostics)}");
        }
    }

    private static ISourceGenerator LoadRefitGenerator()
    {
        var package = typeof(GeneratorWorkbench).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "RefitPackagePath")?.Value;
        var path = package is null ? null : Path.Combine(package, "analyzers", "dotnet", "roslyn4.8", "cs", "InterfaceStubGeneratorV2.dll");
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException($"Refit's generator is not at '{path}'; restore the benchmark project (Refit 16.4.0).", path);
        }

        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().SingleOrDefault(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t))
            ?? throw new InvalidOperationException($"No incremental generator in '{path}'.");
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }
}
