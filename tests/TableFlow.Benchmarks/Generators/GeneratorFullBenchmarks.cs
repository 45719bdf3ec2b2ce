using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static TableFlow.Benchmarks.Generators.GeneratorWorkbench;

namespace TableFlow.Benchmarks.Generators;

/// <summary>
/// A full generator run, as in a build: a new driver on a compilation of 1,000 flows that nothing has bound yet
/// (a <see cref="Compilation.Clone"/> each time, so no semantic cache survives from the previous iteration).
/// Refit's generator runs on the same flows written as Refit interfaces.
/// </summary>
[MemoryDiagnoser]
// One operation takes seconds: cap the default job's adaptive counts so '--filter *' ends in reasonable time.
[MaxWarmupCount(8)]
[MaxIterationCount(20)]
public class GeneratorFullBenchmarks
{
    private CSharpCompilation _flows = null!;
    private CSharpCompilation _refitApis = null!;

    /// <summary>Parses the two compilations once and checks each generator produces what it should.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _flows = Compilation(Kind.TableFlow);
        _refitApis = Compilation(Kind.Refit);
        AssertRan(Kind.Refit, Refit());
        AssertRan(Kind.TableFlow, OurGenerator());
        AssertRan(Kind.Floor, Floor());
    }

    /// <summary>The baseline: Refit 16.4's generator on 1,000 <c>[Multipart]</c> interfaces.</summary>
    [Benchmark(Baseline = true, Description = "Refit InterfaceStubGeneratorV2")]
    public GeneratorDriver Refit() => Driver(Kind.Refit).RunGenerators(_refitApis.Clone());

    /// <summary>Our generator on 1,000 flow classes.</summary>
    [Benchmark(Description = "TableFlowGenerator")]
    public GeneratorDriver OurGenerator() => Driver(Kind.TableFlow).RunGenerators(_flows.Clone());

    /// <summary>The floor generator on the same 1,000 flow classes.</summary>
    [Benchmark(Description = "Floor (FAWMN, class name only)")]
    public GeneratorDriver Floor() => Driver(Kind.Floor).RunGenerators(_flows.Clone());
}
