using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TableFlow.Package.Tests;

/// <summary>What a user gets from <c>dotnet add package TableFlow.Generators</c> / <c>TableFlow.Testing</c>.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture fixture)
{
    private const string AnalyzerFolder = "analyzers/dotnet/roslyn4.8/cs/";

    /// <summary>
    /// What a Visual Studio 17.8 / SDK 8.0.100 compiler host (Roslyn 4.8) can load from an analyzer: Roslyn itself and
    /// the assembly versions Roslyn 4.8's netstandard2.0 build depends on (Microsoft.CodeAnalysis.Common 4.8.0's nuspec).
    /// Anything newer, or any other assembly, fails to load there and the generator silently does nothing.
    /// </summary>
    private static readonly Dictionary<string, Version> CompilerHostAssemblies = new()
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["System.Text.Encoding.CodePages"] = new(7, 0, 0, 0),
    };

    /// <summary>Code fixes run only in the IDE, which also has Workspaces 4.8 and its MEF attributes.</summary>
    private static readonly Dictionary<string, Version> IdeHostAssemblies = new(CompilerHostAssemblies)
    {
        ["Microsoft.CodeAnalysis.Workspaces"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = new(4, 8, 0, 0),
        ["System.Composition.AttributedModel"] = new(7, 0, 0, 0),
        ["Microsoft.Bcl.AsyncInterfaces"] = new(7, 0, 0, 0),
        ["TableFlow.Generators"] = new(0, 1, 0, 0),
    };

    [Fact]
    public void Generators_package_holds_the_runtime_the_analyzers_and_the_build_files_and_nothing_else()
    {
        using var package = new NuGetPackage(fixture.GeneratorsPackage);

        Assert.Equal(
            [
                "LICENSE",
                "PACKAGE.md",
                AnalyzerFolder + "TableFlow.Generators.CodeFixes.dll",
                AnalyzerFolder + "TableFlow.Generators.dll",
                "buildTransitive/TableFlow.Generators.props",
                "buildTransitive/TableFlow.Generators.targets",
                "lib/net10.0/TableFlow.dll",
                "lib/net10.0/TableFlow.xml",
                "lib/netstandard2.0/TableFlow.dll",
                "lib/netstandard2.0/TableFlow.xml",
            ],
            package.Files);
    }

    [Fact]
    public void Generators_nuspec_has_id_version_license_readme_repository_and_only_runtime_dependencies()
    {
        using var package = new NuGetPackage(fixture.GeneratorsPackage);

        Assert.Equal("TableFlow.Generators", package.Metadata("id"));
        Assert.Equal(PackageFixture.Version, package.Metadata("version"));
        var license = package.MetadataElement("license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal("PACKAGE.md", package.Metadata("readme"));
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")));
        var repository = package.MetadataElement("repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");

        var groups = package.DependencyGroups();
        Assert.Equal(["net10.0", ".NETStandard2.0"], groups.Keys.Order(StringComparer.Ordinal).Reverse());
        // net10.0 has ActivitySource and Meter built in; ILogger needs the abstractions everywhere.
        Assert.Equal(["Microsoft.Extensions.Logging.Abstractions"], groups["net10.0"].Select(d => d.Split(' ')[0]));
        Assert.Contains(groups[".NETStandard2.0"], d => d.StartsWith("System.Text.Json 10.0.", StringComparison.Ordinal));
        Assert.Contains(groups[".NETStandard2.0"], d => d.StartsWith("Microsoft.Extensions.Logging.Abstractions 10.0.", StringComparison.Ordinal));
        Assert.Contains(groups[".NETStandard2.0"], d => d.StartsWith("System.Diagnostics.DiagnosticSource 10.0.", StringComparison.Ordinal));
        // The generator projects are build-time only: neither they nor Roslyn, PolySharp or SourceLink may leak in.
        Assert.DoesNotContain(groups.Values.SelectMany(g => g), d =>
            d.StartsWith("TableFlow", StringComparison.Ordinal) || d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || d.StartsWith("PolySharp", StringComparison.Ordinal) || d.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_is_the_package_readme_and_shows_the_declaration()
    {
        using var package = new NuGetPackage(fixture.GeneratorsPackage);

        var readme = System.Text.Encoding.UTF8.GetString(package.Read("PACKAGE.md"));
        Assert.Contains("[TableFlow(\"dk4g1tUg1uHLs8YU\")]", readme);
        Assert.Contains("public partial class PoReconciliation", readme);
        Assert.Contains("MIT License", System.Text.Encoding.UTF8.GetString(package.Read("LICENSE")));
    }

    [Fact]
    public void Symbols_package_holds_a_portable_pdb_for_each_runtime_assembly()
    {
        using var symbols = new NuGetPackage(fixture.GeneratorsSymbolsPackage);

        Assert.Equal(["lib/net10.0/TableFlow.pdb", "lib/netstandard2.0/TableFlow.pdb"], symbols.Files);
        foreach (var pdb in symbols.Files)
        {
            using var provider = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(symbols.Read(pdb)));
            var reader = provider.GetMetadataReader();
            var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
            // A deterministic (CI) build maps the repository to /_/, so the PDB names no machine's source folders.
            // (Files the build generates, such as polyfills and JSON contexts, live under the artifacts folder here.)
            Assert.Contains("/_/runtime/TableFlow/TableFlowClient.cs", documents);
            Assert.All(documents, d => Assert.True(
                d.StartsWith("/_/", StringComparison.Ordinal) || d.StartsWith(fixture.Artifacts, StringComparison.Ordinal),
                $"{pdb} names {d}, a path outside the repository's mapped root."));
        }
    }

    [Fact]
    public void Generator_assembly_references_only_what_the_command_line_compiler_loads()
    {
        using var package = new NuGetPackage(fixture.GeneratorsPackage);

        AssertReferencesWithin(package.Read(AnalyzerFolder + "TableFlow.Generators.dll"), CompilerHostAssemblies);
    }

    [Fact]
    public void Code_fix_assembly_references_only_what_the_IDE_loads()
    {
        using var package = new NuGetPackage(fixture.GeneratorsPackage);

        AssertReferencesWithin(package.Read(AnalyzerFolder + "TableFlow.Generators.CodeFixes.dll"), IdeHostAssemblies);
    }

    [Fact]
    public void Every_packed_assembly_is_built_deterministically()
    {
        using var package = new NuGetPackage(fixture.GeneratorsPackage);

        foreach (var assembly in package.Files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)))
        {
            // The compiler marks a deterministic build with a Reproducible debug directory entry (and a content
            // hash in place of the PE timestamp): the same sources always give the same bytes.
            using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(package.Read(assembly)));
            Assert.True(
                pe.ReadDebugDirectory().Any(entry => entry.Type == DebugDirectoryEntryType.Reproducible),
                $"{assembly} was not built deterministically.");
        }
    }

    [Fact]
    public void Runtime_assemblies_do_not_reference_Roslyn()
    {
        using var package = new NuGetPackage(fixture.GeneratorsPackage);

        foreach (var tfm in new[] { "net10.0", "netstandard2.0" })
        {
            var references = ReferencedAssemblies(package.Read($"lib/{tfm}/TableFlow.dll"));
            Assert.DoesNotContain(references, r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Testing_package_holds_the_emulator_and_depends_on_the_generators_package()
    {
        using var package = new NuGetPackage(fixture.TestingPackage);

        Assert.Equal("TableFlow.Testing", package.Metadata("id"));
        Assert.Equal(PackageFixture.Version, package.Metadata("version"));
        Assert.Equal("MIT", package.Metadata("license"));
        Assert.Equal("PACKAGE.md", package.Metadata("readme"));
        Assert.Contains("lib/net10.0/TableFlow.Testing.dll", package.Files);
        Assert.DoesNotContain(package.Files, f => f.StartsWith("analyzers/", StringComparison.Ordinal));
        Assert.Contains($"TableFlow.Generators {PackageFixture.Version}", package.DependencyGroups()["net10.0"]);
        // The whole package flows: referencing only TableFlow.Testing must still bring the generator and build files.
        var dependency = package.MetadataElement("dependencies")!.Descendants().Single(e => (string?)e.Attribute("id") == "TableFlow.Generators");
        Assert.Null(dependency.Attribute("exclude"));
        var frameworkReferences = package.MetadataElement("frameworkReferences")!.Descendants()
            .Where(e => e.Name.LocalName == "frameworkReference").Select(e => (string?)e.Attribute("name"));
        Assert.Contains("Microsoft.AspNetCore.App", frameworkReferences);
    }

    [Fact]
    public void AspNetCore_package_holds_the_webhook_endpoint_and_depends_on_the_generators_package_and_ASP_NET_Core()
    {
        using var package = new NuGetPackage(fixture.AspNetCorePackage);

        Assert.Equal("TableFlow.AspNetCore", package.Metadata("id"));
        Assert.Equal(PackageFixture.Version, package.Metadata("version"));
        Assert.Equal("PACKAGE.md", package.Metadata("readme"));
        Assert.Contains("lib/net10.0/TableFlow.AspNetCore.dll", package.Files);
        Assert.Contains("lib/net10.0/TableFlow.AspNetCore.xml", package.Files);
        Assert.Contains($"TableFlow.Generators {PackageFixture.Version}", package.DependencyGroups()["net10.0"]);
        var frameworkReferences = package.MetadataElement("frameworkReferences")!.Descendants()
            .Where(e => e.Name.LocalName == "frameworkReference").Select(e => (string?)e.Attribute("name"));
        Assert.Contains("Microsoft.AspNetCore.App", frameworkReferences);
    }

    [Fact]
    public void Dependency_injection_package_holds_its_assemblies_and_depends_on_the_whole_generators_package()
    {
        using var package = new NuGetPackage(fixture.DependencyInjectionPackage);

        Assert.Equal("TableFlow.Extensions.DependencyInjection", package.Metadata("id"));
        Assert.Equal(PackageFixture.Version, package.Metadata("version"));
        Assert.Equal("PACKAGE.md", package.Metadata("readme"));
        Assert.Equal(
            [
                "LICENSE",
                "PACKAGE.md",
                "lib/net10.0/TableFlow.Extensions.DependencyInjection.dll",
                "lib/net10.0/TableFlow.Extensions.DependencyInjection.xml",
                "lib/netstandard2.0/TableFlow.Extensions.DependencyInjection.dll",
                "lib/netstandard2.0/TableFlow.Extensions.DependencyInjection.xml",
            ],
            package.Files);
        var groups = package.DependencyGroups();
        foreach (var group in new[] { "net10.0", ".NETStandard2.0" })
        {
            Assert.Contains($"TableFlow.Generators {PackageFixture.Version}", groups[group]);
            Assert.Contains(groups[group], d => d.StartsWith("Microsoft.Extensions.Http ", StringComparison.Ordinal));
            Assert.Contains(groups[group], d => d.StartsWith("Microsoft.Extensions.Options.ConfigurationExtensions ", StringComparison.Ordinal));
        }

        // Referencing only this package still brings the generator: [TableFlow] classes get their RunAsync.
        Assert.All(
            package.MetadataElement("dependencies")!.Descendants().Where(e => (string?)e.Attribute("id") == "TableFlow.Generators"),
            d => Assert.Null(d.Attribute("exclude")));
    }

    private static void AssertReferencesWithin(byte[] assembly, IReadOnlyDictionary<string, Version> allowed)
    {
        var references = ReferencedAssemblies(assembly);
        Assert.NotEmpty(references);
        foreach (var (name, version) in references)
        {
            Assert.True(
                allowed.TryGetValue(name, out var highest) && version <= highest,
                $"The analyzer references {name} {version}, which a Roslyn 4.8 host does not provide"
                + (highest is null ? "." : $" (it has {highest})."));
        }
    }

    private static List<(string Name, Version Version)> ReferencedAssemblies(byte[] assembly)
    {
        using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(assembly));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
    }
}
