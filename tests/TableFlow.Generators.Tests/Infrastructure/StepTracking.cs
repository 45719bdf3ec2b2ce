using System.Collections.Generic;
using System.Collections;
using System.Linq;
using System.Reflection;
using System;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Model;

namespace TableFlow.Generators.Tests.Infrastructure;

/// <summary>Reads the generator's tracked steps and checks what they hold.</summary>
internal static class StepTracking
{
    /// <summary>Every name in <see cref="TrackingNames"/>, found by reflection so a new step cannot escape the tests.</summary>
    public static IReadOnlyList<string> AllNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>The outputs of step <paramref name="name"/> in the run, with why each was produced.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string name)
        => result.TrackedSteps.TryGetValue(name, out var steps)
            ? steps.SelectMany(s => s.Outputs).ToList()
            : Array.Empty<(object, IncrementalStepRunReason)>();

    /// <summary>The outputs of <see cref="TrackingNames.FlowModels"/> that are models (not the null of an error).</summary>
    public static IReadOnlyList<(FlowModel Model, IncrementalStepRunReason Reason)> Models(GeneratorRunResult result)
        => Outputs(result, TrackingNames.FlowModels).Where(o => o.Value is FlowModel).Select(o => ((FlowModel)o.Value, o.Reason)).ToList();

    /// <summary>Fails when <paramref name="value"/> holds, at any depth, a compiler object that would pin a compilation in the cache.</summary>
    public static void AssertNoCompilerObjects(object? value, string path = "output")
        => Walk(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or AttributeData)
        {
            throw new Xunit.Sdk.XunitException($"{path} holds a {value.GetType().Name}; models must hold only plain values.");
        }

        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", seen);
            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
