using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TableFlow.Generators.Tests.Infrastructure;

/// <summary>Builds compilations of user code against .NET 10 reference assemblies and the runtime's TableFlow.dll.</summary>
internal static class TestCompilations
{
    /// <summary>The reference set shared by every test: loading it once keeps the robustness sweep fast.</summary>
    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TableFlowClient).Assembly.Location))
            .ToImmutableArray();

    /// <summary>Parse options: latest C# with doc comments parsed and reported, as a project with a documentation file has.</summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest, DocumentationMode mode = DocumentationMode.Diagnose)
        => new(version, mode);

    /// <summary>A library compilation of <paramref name="sources"/> with every warning on and nullable enabled (from C# 8, where it exists).</summary>
    public static CSharpCompilation Create(CSharpParseOptions options, params string[] sources)
        => CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"User{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: options.LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                warningLevel: 9999));

    /// <summary><see cref="Create(CSharpParseOptions, string[])"/> with the default parse options.</summary>
    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions(), sources);

    /// <summary>The named type <paramref name="metadataName"/> of <paramref name="compilation"/>; fails the test when absent.</summary>
    public static INamedTypeSymbol GetType(Compilation compilation, string metadataName)
        => compilation.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException($"Type '{metadataName}' not found in the test compilation.");
}
