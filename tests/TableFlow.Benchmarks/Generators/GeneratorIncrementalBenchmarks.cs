using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static TableFlow.Benchmarks.Generators.GeneratorWorkbench;

namespace TableFlow.Benchmarks.Generators;

/// <summary>
/// One update in the IDE: the driver has already run on the compilation (setup), then one file is edited and the
/// generators run again. Each iteration applies the same edit to the same warm starting point, making a new
/// compilation (as every keystroke does) so that nothing bound during the previous iteration is reused.
/// </summary>
[MemoryDiagnoser]
// One operation takes seconds: cap the default job's adaptive counts so '--filter *' ends in reasonable time.
[MaxWarmupCount(8)]
[MaxIterationCount(20)]
public class GeneratorIncrementalBenchmarks
{
    private readonly State[] _states = new State[3];

    /// <summary>Which file is edited.</summary>
    [Params(Edit.UnrelatedFile, Edit.FlowMethodBody)]
    public Edit Edit { get; set; }

    /// <summary>Runs each generator once on its compilation and prepares the edited tree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        foreach (var kind in new[] { Kind.Floor, Kind.TableFlow, Kind.Refit })
        {
            var compilation = Compilation(kind);
            var driver = Driver(kind).RunGenerators(compilation);
            AssertRan(kind, driver);
            var edited = GeneratorWorkbench.Edit(compilation, kind, Edit, version: 1);
            var newTree = edited.SyntaxTrees.Except(compilation.SyntaxTrees).Single();
            var oldTree = compilation.SyntaxTrees.Except(edited.SyntaxTrees).Single();
            _states[(int)kind] = new State(compilation, driver, oldTree, newTree);
            AssertRan(kind, Run(kind));
        }
    }

    /// <summary>The baseline: the floor generator after the edit.</summary>
    [Benchmark(Baseline = true, Description = "Floor (FAWMN, class name only)")]
    public GeneratorDriver Floor() => Run(Kind.Floor);

    /// <summary>Our generator after the edit.</summary>
    [Benchmark(Description = "TableFlowGenerator")]
    public GeneratorDriver OurGenerator() => Run(Kind.TableFlow);

    /// <summary>Refit's generator after the same edit to the interface compilation.</summary>
    [Benchmark(Description = "Refit InterfaceStubGeneratorV2")]
    public GeneratorDriver Refit() => Run(Kind.Refit);

    private GeneratorDriver Run(Kind kind)
    {
        var s = _states[(int)kind];
        return s.Driver.RunGenerators(s.Compilation.ReplaceSyntaxTree(s.OldTree, s.NewTree));
    }

    private sealed record State(CSharpCompilation Compilation, GeneratorDriver Driver, SyntaxTree OldTree, SyntaxTree NewTree);
}
