using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace TableFlow.Generators.Tests.Analyzers;

/// <summary>
/// Offline references for analyzer, code-fix and suppressor tests: the .NET 10 reference assemblies from
/// Basic.Reference.Assemblies (no package download) plus the TableFlow runtime the tests are built against.
/// </summary>
internal static class TestReferences
{
    /// <summary>An empty reference-assembly set; the real references come from <see cref="All"/>.</summary>
    public static ReferenceAssemblies Net100 { get; } = new("net10.0");

    /// <summary>The .NET 10 reference assemblies and <c>TableFlow.dll</c>.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = ImmutableArray.CreateRange<MetadataReference>(
        Basic.Reference.Assemblies.Net100.References.All)
        .Add(MetadataReference.CreateFromFile(typeof(TableFlow.FlowFile).Assembly.Location));

    /// <summary>Turns nullable analysis on for the test project, as a user's SDK-style project does.</summary>
    public static Solution EnableNullable(Solution solution, ProjectId projectId)
    {
        var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
        return solution.WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable));
    }
}
