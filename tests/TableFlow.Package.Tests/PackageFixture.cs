using System;
using System.IO;
using System.Threading.Tasks;

namespace TableFlow.Package.Tests;

/// <summary>
/// Packs <c>TableFlow.Generators</c>, <c>TableFlow.Testing</c>, <c>TableFlow.AspNetCore</c> and
/// <c>TableFlow.Extensions.DependencyInjection</c> from this repository into a fresh temporary feed,
/// once per test run. Build outputs go to the temporary folder too (<c>--artifacts-path</c>), so the packages never
/// come from, or disturb, the repository's own bin/obj folders.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    /// <summary>The package version set in Directory.Build.props.</summary>
    public const string Version = "0.1.0";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    private readonly Lazy<Task<ConsumerBuild>> consumers;

    /// <summary>Creates the temporary folder layout; the pack itself runs in <see cref="InitializeAsync"/>.</summary>
    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "tableflow-package-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        consumers = new Lazy<Task<ConsumerBuild>>(() => ConsumerBuild.CreateAsync(this));
    }

    /// <summary>The temporary folder that holds everything this run creates.</summary>
    public string Root { get; }

    /// <summary>The local feed the packages are packed into.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The build outputs of the pack (and of the AOT sample's publish).</summary>
    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The main package.</summary>
    public string GeneratorsPackage => Path.Combine(Feed, $"TableFlow.Generators.{Version}.nupkg");

    /// <summary>The main package's symbols.</summary>
    public string GeneratorsSymbolsPackage => Path.Combine(Feed, $"TableFlow.Generators.{Version}.snupkg");

    /// <summary>The emulator package.</summary>
    public string TestingPackage => Path.Combine(Feed, $"TableFlow.Testing.{Version}.nupkg");

    /// <summary>The ASP.NET Core package (webhook endpoints).</summary>
    public string AspNetCorePackage => Path.Combine(Feed, $"TableFlow.AspNetCore.{Version}.nupkg");

    /// <summary>The dependency injection package.</summary>
    public string DependencyInjectionPackage => Path.Combine(Feed, $"TableFlow.Extensions.DependencyInjection.{Version}.nupkg");

    /// <summary>The <c>tableflow</c> .NET tool.</summary>
    public string CliPackage => Path.Combine(Feed, $"TableFlow.Cli.{Version}.nupkg");

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    internal ProcessResult Pack { get; private set; } = null!;

    /// <summary>The consumer projects, restored from the feed and built (once, on first use).</summary>
    internal Task<ConsumerBuild> Consumers => consumers.Value;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // A solution filter packs the packages in one `dotnet pack`, building the shared projects once.
        var filter = Path.Combine(Root, "packages.slnf");
        File.WriteAllText(filter, $$"""
            {
              "solution": {
                "path": {{System.Text.Json.JsonSerializer.Serialize(Path.Combine(RepositoryPaths.Root, "TableFlow.Generators.sln"))}},
                "projects": [
                  "runtime/TableFlow/TableFlow.csproj",
                  "runtime/TableFlow.Testing/TableFlow.Testing.csproj",
                  "runtime/TableFlow.AspNetCore/TableFlow.AspNetCore.csproj",
                  "runtime/TableFlow.Extensions.DependencyInjection/TableFlow.Extensions.DependencyInjection.csproj",
                  "tools/TableFlow.Cli/TableFlow.Cli.csproj"
                ]
              }
            }
            """);

        Pack = (await DotNetCli.RunAsync(
            RepositoryPaths.Root,
            PackTimeout,
            "pack", filter, "-c", "Release", "-o", Feed, "--artifacts-path", Artifacts, "-nodeReuse:false",
            // What a release build does: deterministic, with /_/ source paths.
            "-p:ContinuousIntegrationBuild=true")).EnsureSuccess();
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("TABLEFLOW_KEEP_PACKAGE_TEST_FILES") is null)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A process that is still shutting down may hold a file; the OS cleans the temp folder later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }
}
