using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace TableFlow.Package.Tests;

/// <summary>The README is the first thing a user reads: its code compiles and it starts with how to get going.</summary>
[Collection(PackageCollection.Name)]
public sealed class ReadmeTests(PackageFixture fixture)
{
    private static string Readme => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public async Task Every_csharp_block_of_the_README_compiles_against_the_packed_packages_with_warnings_as_errors()
    {
        var consumers = await fixture.Consumers;
        consumers.Build.EnsureSuccess();

        Assert.NotEmpty(consumers.ReadmeBlocks);
        Assert.Equal(consumers.ReadmeBlocks.Count, consumers.ReadmeSources.Count);
        Assert.All(consumers.ReadmeSources, source => Assert.True(File.Exists(Path.Combine(consumers.ReadmeDirectory, source)), source));
        Assert.True(File.Exists(Path.Combine(consumers.ReadmeDirectory, "bin", "Debug", "net10.0", "readme.dll")), "The readme project was not built.");
        Assert.DoesNotContain("README.md(", consumers.Build.Output);
    }

    [Fact]
    public async Task README_blocks_that_declare_a_flow_class_get_a_generated_RunAsync()
    {
        var consumers = await fixture.Consumers;
        consumers.Build.EnsureSuccess();

        // The statement blocks call `new PoReconciliation(client)` and `flow.RunAsync(...)`: they compile only if the
        // declaration block went through the generator, so at least one block declares and one calls.
        Assert.Contains(consumers.ReadmeBlocks, b => b.DeclaresTypes && b.Code.Contains("[TableFlow(", StringComparison.Ordinal));
        Assert.Contains(consumers.ReadmeBlocks, b => !b.DeclaresTypes && b.Code.Contains(".RunAsync(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_READMEs_tableflow_json_is_the_readme_projects_so_its_classes_agree_with_it_and_the_schema_first_one_is_generated()
    {
        var consumers = await fixture.Consumers;
        consumers.Build.EnsureSuccess();

        // The JSON block is the project's tableflow.json (an AdditionalFiles item through the package): the build passes
        // with warnings as errors, so the hand-written PoReconciliation agrees with it (no TF0010), and the schema-first
        // class's RunAsync, called by a statement block, exists only if its properties came from the file.
        var definitions = File.ReadAllText(Path.Combine(consumers.ReadmeDirectory, "tableflow.json"));
        Assert.Contains("\"key\": \"delivery_note\"", definitions);
        Assert.Contains(consumers.ReadmeBlocks, b => b.DeclaresTypes && b.Code.Contains("public partial class PoReconciliationFromFile;", StringComparison.Ordinal));
        Assert.Contains(consumers.ReadmeBlocks, b => !b.DeclaresTypes && b.Code.Contains("new PoReconciliationFromFile(client)", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"README\.md\(\d+,\d+\): (warning|error) TF", consumers.Build.Output);
    }

    [Fact]
    public void README_starts_with_installing_the_package_and_getting_an_API_key()
    {
        var headings = Readme.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        Assert.True(headings.Count >= 2, "README.md has too few sections.");
        Assert.Equal("## Install", headings[0]);
        Assert.Equal("## Get an API key", headings[1]);
        Assert.Contains("dotnet add package TableFlow.Generators", Readme);
        Assert.Contains("TABLEFLOW_API_KEY", Readme);
    }
}
