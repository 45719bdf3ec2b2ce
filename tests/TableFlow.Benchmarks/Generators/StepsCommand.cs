using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using static TableFlow.Benchmarks.Generators.GeneratorWorkbench;

namespace TableFlow.Benchmarks.Generators;

/// <summary>
/// The <c>steps [--runs N]</c> command: which pipeline steps re-ran after each edit, read from the driver's step
/// tracking, and how long each generator and each of its named steps took (median of N updates). Prints markdown for
/// docs/benchmarks.md. Step tracking adds its own cost, so these times are for comparing steps, not generators.
/// </summary>
public static class StepsCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var runs = 5;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length) runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
            {
                Console.Error.WriteLine($"steps: unknown argument '{args[i]}' (usage: steps [--runs N])");
                return 2;
            }
        }

        Console.WriteLine("| generator | edit | step | outputs by reason | step time (median) | generator time (median) |");
        Console.WriteLine("|---|---|---|---|---:|---:|");
        foreach (var edit in new[] { Edit.UnrelatedFile, Edit.FlowMethodBody })
        {
            foreach (var kind in new[] { Kind.Floor, Kind.TableFlow, Kind.Refit })
            {
                Report(kind, edit, runs);
            }
        }

        return 0;
    }

    private static void Report(Kind kind, Edit edit, int runs)
    {
        var compilation = Compilation(kind);
        var driver = Driver(kind, trackSteps: true).RunGenerators(compilation);
        AssertRan(kind, driver);

        var generatorTimes = new List<double>();
        var stepTimes = new Dictionary<string, List<double>>();
        GeneratorRunResult last = default;
        const int warmups = 3;
        for (var run = 0; run < runs + warmups; run++)
        {
            // A new compilation each time from the same warm start, as in GeneratorIncrementalBenchmarks.
            var edited = GeneratorWorkbench.Edit(compilation, kind, edit, version: 1);
            var stopwatch = Stopwatch.StartNew();
            var after = driver.RunGenerators(edited);
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            last = after.GetRunResult().Results.Single();
            if (run < warmups) continue; // the first updates also JIT the edit path (tiered compilation)
            generatorTimes.Add(elapsed);
            foreach (var step in last.TrackedSteps)
            {
                if (!stepTimes.TryGetValue(step.Key, out var list)) stepTimes[step.Key] = list = new List<double>();
                list.Add(step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds));
            }
        }

        var first = true;
        // Roslyn's own ForAttributeWithMetadataName steps are many; two of them say what was re-read: which files'
        // syntax changed (compilationUnit_) and which attribute targets were found again (result_).
        var steps = last.TrackedSteps.Keys
            .Where(k => !k.Contains("_ForAttribute", StringComparison.Ordinal) || k is "compilationUnit_ForAttribute" or "result_ForAttributeInternal")
            .OrderBy(k => k.Contains("_ForAttribute", StringComparison.Ordinal) ? 0 : 1)
            .Concat(last.TrackedOutputSteps.Keys)
            .Distinct()
            .ToList();
        foreach (var name in steps)
        {
            var runSteps = last.TrackedSteps.TryGetValue(name, out var tracked) ? tracked : last.TrackedOutputSteps[name];
            var reasons = runSteps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
            var stepTime = stepTimes.TryGetValue(name, out var times) ? Median(times) : runSteps.Sum(s => s.ElapsedTime.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(first ? kind.ToString() : "")} | {(first ? edit.ToString() : "")} | {name} | {string.Join(", ", reasons)} | {stepTime:F1} ms | {(first ? Median(generatorTimes).ToString("F1", CultureInfo.InvariantCulture) + " ms" : "")} |"));
            first = false;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
