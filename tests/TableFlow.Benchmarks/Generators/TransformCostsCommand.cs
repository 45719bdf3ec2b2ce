using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Model;
using TableFlow.Generators.Rules;
using static TableFlow.Benchmarks.Generators.GeneratorWorkbench;

namespace TableFlow.Benchmarks.Generators;

/// <summary>
/// The <c>transform-costs [--rounds N]</c> command: what the semantic operations a <c>[TableFlow]</c> transform may
/// do cost, each over the 1,000 flow classes of a fresh compilation after the unrelated edit, next to the floor
/// (semantic model + declared symbol + name, which <c>ForAttributeWithMetadataName</c> pays anyway) and our whole
/// transform. Roslyn re-runs every transform on every compilation change, so this is the price of each read per
/// keystroke. Only public Roslyn APIs: it does not depend on the generator's internals.
/// </summary>
public static class TransformCostsCommand
{
    private delegate object? Operation(INamedTypeSymbol type, SemanticModel model, ClassDeclarationSyntax syntax);

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var rounds = 9;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
            {
                Console.Error.WriteLine($"transform-costs: unknown argument '{args[i]}' (usage: transform-costs [--rounds N])");
                return 2;
            }
        }

        var operations = new (string Name, Operation Run)[]
        {
            ("floor: declared symbol + its attributes + Name", (t, _, _) => t.Name),
            ("type.MemberNames (declaration table, no binding)", (t, _, _) => t.MemberNames.Count()),
            ("type.GetMembers() (creates every member symbol)", (t, _, _) => t.GetMembers().Length),
            ("GetMembers() + every property's Type", (t, _, _) => t.GetMembers().OfType<IPropertySymbol>().Count(p => p.Type is not null)),
            ("GetMembers() + GetAttributes() on every member (accessors, methods)", (t, _, _) => t.GetMembers().Sum(m => m.GetAttributes().Length)),
            ("GetMembers() + GetAttributes() on properties", (t, _, _) => t.GetMembers().OfType<IPropertySymbol>().Sum(p => p.GetAttributes().Length)),
            ("GetMembers() + GetDocumentationCommentXml() on properties", (t, _, _) => t.GetMembers().OfType<IPropertySymbol>().Sum(p => p.GetDocumentationCommentXml()?.Length ?? 0)),
            ("INamespaceSymbol.ToDisplayString() per property attribute", (t, _, _) => t.GetMembers().OfType<IPropertySymbol>().SelectMany(p => p.GetAttributes()).Count(a => a.AttributeClass?.ContainingNamespace.ToDisplayString() == "TableFlow")),
            ("syntax properties + GetTypeInfo(property.Type)", (_, m, s) => s.Members.OfType<PropertyDeclarationSyntax>().Count(p => m.GetTypeInfo(p.Type).Type is not null)),
            ("syntax properties + GetTypeInfo + attribute constants", (_, m, s) => s.Members.OfType<PropertyDeclarationSyntax>().Sum(p => (m.GetTypeInfo(p.Type).Type is null ? 0 : 1) + AttributeConstants(m, p))),
            ("syntax properties + GetDeclaredSymbol + GetAttributes where attributed", (_, m, s) => s.Members.OfType<PropertyDeclarationSyntax>().Where(p => p.AttributeLists.Count > 0).Sum(p => m.GetDeclaredSymbol(p)!.GetAttributes().Length)),
            ("our reader: FlowDeclaration.Read, generation path", (t, m, _) => Read(t, m)),
            ("our transform: Read + FlowParser.Create", (t, m, s) => FlowParser.Create(Read(t, m), true, default)),
        };

        var compilation = Compilation(Kind.TableFlow);
        var edited = GeneratorWorkbench.Edit(compilation, Kind.TableFlow, Edit.UnrelatedFile, version: 1);
        var oldTree = compilation.SyntaxTrees.Except(edited.SyntaxTrees).Single();
        var newTree = edited.SyntaxTrees.Except(compilation.SyntaxTrees).Single();
        var flowPaths = compilation.SyntaxTrees.Select(t => t.FilePath).Where(p => p.StartsWith("Flows/", StringComparison.Ordinal)).ToArray();

        var times = operations.Select(_ => new List<double>()).ToArray();
        var allocated = new long[operations.Length];
        var generator = new List<double>();
        var floorGenerator = new List<double>();
        var driver = Driver(Kind.TableFlow).RunGenerators(compilation);
        var floorDriver = Driver(Kind.Floor).RunGenerators(compilation);
        for (var round = 0; round < rounds + 2; round++)
        {
            for (var o = 0; o < operations.Length; o++)
            {
                var fresh = compilation.ReplaceSyntaxTree(oldTree, newTree);
                var trees = flowPaths.Select(p => fresh.SyntaxTrees.First(t => t.FilePath == p)).ToArray();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                foreach (var tree in trees)
                {
                    var model = fresh.GetSemanticModel(tree);
                    var syntax = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().First();
                    var type = (INamedTypeSymbol)model.GetDeclaredSymbol(syntax)!;

                    // ForAttributeWithMetadataName binds the class's attributes to find [TableFlow]: every transform pays it.
                    type.GetAttributes();
                    operations[o].Run(type, model, syntax);
                }

                // The first two rounds warm the JIT (tiered compilation) and are not counted.
                if (round < 2) continue;
                times[o].Add(stopwatch.Elapsed.TotalMilliseconds);
                allocated[o] = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            var run = Stopwatch.StartNew();
            driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));
            if (round >= 2) generator.Add(run.Elapsed.TotalMilliseconds);
            run.Restart();
            floorDriver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));
            if (round >= 2) floorGenerator.Add(run.Elapsed.TotalMilliseconds);
        }

        var floor = Median(times[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| operation, over {flowPaths.Length} flow classes | median of {rounds} | × floor | allocated |"));
        Console.WriteLine("|---|---:|---:|---:|");
        for (var o = 0; o < operations.Length; o++)
        {
            var median = Median(times[o]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {operations[o].Name} | {median:F1} ms | {median / floor:F2} | {allocated[o] / 1048576.0:F1} MB |"));
        }

        var whole = Median(generator);
        var wholeFloor = Median(floorGenerator);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| FloorGenerator, whole update after the edit (driver) | {wholeFloor:F1} ms | {wholeFloor / floor:F2} | – |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| TableFlowGenerator, whole update after the edit (driver) | {whole:F1} ms | {whole / floor:F2} | – |"));
        return 0;
    }

    private static FlowDeclaration Read(INamedTypeSymbol type, SemanticModel model)
        => FlowDeclaration.Read(type, FlowRules.FindAttribute(type.GetAttributes(), FlowRules.TableFlowAttributeName)!, PropertyBinder.FromSemanticModel(model), forGeneration: true, default);

    private static int AttributeConstants(SemanticModel model, PropertyDeclarationSyntax property)
    {
        var n = 0;
        foreach (var list in property.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (model.GetSymbolInfo(attribute).Symbol is not null) n++;
                if (attribute.ArgumentList is null) continue;
                foreach (var argument in attribute.ArgumentList.Arguments)
                {
                    if (model.GetConstantValue(argument.Expression).HasValue) n++;
                }
            }
        }

        return n;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
