using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace TableFlow.Package.Tests;

/// <summary>
/// Fresh projects, outside the repository, that use the packed packages the way a user would: they reference
/// only the packed packages (<c>TableFlow.Generators</c>, <c>TableFlow.Testing</c>, <c>TableFlow.Extensions.DependencyInjection</c>)
/// from the temporary feed, restore into their
/// own packages folder and build in one <c>dotnet build</c>. The project files are in <c>Consumers/</c>.
/// </summary>
internal sealed class ConsumerBuild
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);

    private ConsumerBuild(string directory, ProcessResult build, IReadOnlyList<ReadmeSnippets.Snippet> readmeSnippets, IReadOnlyList<string> readmeSources)
    {
        Directory = directory;
        Build = build;
        ReadmeBlocks = readmeSnippets;
        ReadmeSources = readmeSources;
    }

    /// <summary>The folder holding the consumer projects.</summary>
    public string Directory { get; }

    /// <summary>What <c>dotnet build</c> of the consumers printed.</summary>
    public ProcessResult Build { get; }

    /// <summary>The console app with the README's declaration, built with warnings as errors.</summary>
    public string AppDirectory => Path.Combine(Directory, "app");

    /// <summary>The built console app.</summary>
    public string AppAssembly => Path.Combine(AppDirectory, "bin", "Debug", "net10.0", "app.dll");

    /// <summary>The C# blocks of the repository's README.md.</summary>
    public IReadOnlyList<ReadmeSnippets.Snippet> ReadmeBlocks { get; }

    /// <summary>The source files of the <c>readme</c> project, one per README block.</summary>
    public IReadOnlyList<string> ReadmeSources { get; }

    /// <summary>The library that compiles the README's C# blocks.</summary>
    public string ReadmeDirectory => Path.Combine(Directory, "readme");

    /// <summary>The library with a <c>tableflow.json</c> that disagrees with its declaration.</summary>
    public string FlowCheckProject => Path.Combine(Directory, "flowcheck", "flowcheck.csproj");

    public static async Task<ConsumerBuild> CreateAsync(PackageFixture fixture)
    {
        var directory = Path.Combine(fixture.Root, "consumers");
        CopyTemplates(Path.Combine(AppContext.BaseDirectory, "Consumers"), directory);
        var snippets = ReadmeSnippets.Read(Path.Combine(RepositoryPaths.Root, "README.md"));
        var sources = ReadmeSnippets.WriteSources(snippets, Path.Combine(directory, "readme"));
        ReadmeSnippets.WriteDefinitionFile(Path.Combine(RepositoryPaths.Root, "README.md"), Path.Combine(directory, "readme"));

        // Machine sources stay (no <clear/>) and the temporary feed is added.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><add key="tableflow-under-test" value="{fixture.Feed}" /></packageSources>
            </configuration>
            """);
        // A packages folder of its own means a copy of 0.1.0 cached by an earlier run can never stand in for the one
        // just packed. RestorePackagesPath, unlike nuget.config's globalPackagesFolder, also beats NUGET_PACKAGES.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup><RestorePackagesPath>{Path.Combine(fixture.Root, "packages")}</RestorePackagesPath></PropertyGroup>
            </Project>
            """);

        var build = await DotNetCli.RunAsync(directory, BuildTimeout, "build", "consumers.slnx", "-nodeReuse:false");
        return new ConsumerBuild(directory, build, snippets, sources);
    }

    private static void CopyTemplates(string source, string destination)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            // Templates are stored as *.txt so the test project itself does not compile or restore them.
            var relative = Path.GetRelativePath(source, file);
            var target = Path.Combine(destination, relative.EndsWith(".txt", StringComparison.Ordinal) ? relative[..^4] : relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
