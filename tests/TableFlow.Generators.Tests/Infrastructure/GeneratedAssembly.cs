using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace TableFlow.Generators.Tests.Infrastructure;

/// <summary>A user declaration compiled with its generated code and loaded, so tests can call what users call.</summary>
internal sealed class GeneratedAssembly
{
    private readonly Assembly _assembly;

    private GeneratedAssembly(Assembly assembly) => _assembly = assembly;

    /// <summary>
    /// Runs the generator over <paramref name="source"/> (with <paramref name="definitionFile"/> as its tableflow.json,
    /// when given), emits the result and loads it; fails on any compile error.
    /// </summary>
    public static GeneratedAssembly Compile(string source, string? definitionFile = null)
    {
        var additional = definitionFile is null
            ? Array.Empty<AdditionalText>()
            : new AdditionalText[] { new Analyzers.InMemoryAdditionalText("/0/tableflow.json", definitionFile) };
        var run = GeneratorRunner.Run(TestCompilations.Create(source), additional);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, "Compile errors:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        // Loaded beside the test's own TableFlow.dll, so the FlowFile and TableFlowClient passed in are the same types.
        return new GeneratedAssembly(Assembly.Load(image.ToArray()));
    }

    /// <summary>The type <paramref name="fullName"/> of the compiled code.</summary>
    public Type Type(string fullName) => _assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>The generated <c>RunAsync</c> of <paramref name="type"/>.</summary>
    public static MethodInfo RunAsync(Type type) => type.GetMethod("RunAsync") ?? throw new Xunit.Sdk.XunitException($"{type} has no RunAsync");

    /// <summary>
    /// Calls the generated <c>RunAsync</c> on a new instance bound to <paramref name="client"/> with arguments by parameter
    /// name (the rest take their defaults), as a call with named arguments would; exceptions surface unwrapped.
    /// </summary>
    public static Task<FlowRun> CallRunAsync(Type type, TableFlowClient client, IReadOnlyDictionary<string, object?> arguments)
    {
        var instance = Activator.CreateInstance(type, client)!;
        var method = RunAsync(type);
        var unknown = arguments.Keys.Except(method.GetParameters().Select(p => p.Name!)).ToList();
        Assert.True(unknown.Count == 0, "RunAsync has no parameter " + string.Join(", ", unknown));
        var values = method.GetParameters()
            .Select(p => arguments.TryGetValue(p.Name!, out var value) ? value : p.HasDefaultValue ? p.DefaultValue : throw new ArgumentException($"required parameter {p.Name} not given"))
            .ToArray();
        return (Task<FlowRun>)method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, values, null)!;
    }
}
