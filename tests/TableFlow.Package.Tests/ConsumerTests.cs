using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace TableFlow.Package.Tests;

/// <summary>A fresh project installs the packed packages and gets a working, warning-free typed client.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests(PackageFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Fresh_console_app_builds_with_warnings_as_errors_and_completes_a_run_against_the_emulator()
    {
        var consumers = await fixture.Consumers;
        consumers.Build.EnsureSuccess();
        Assert.DoesNotMatch(new Regex(@"app\.csproj.*warning|warning.*app\.csproj"), consumers.Build.Output);

        var run = (await DotNetCli.RunAsync(consumers.AppDirectory, RunTimeout, consumers.AppAssembly)).EnsureSuccess();

        Assert.Contains("submitted: processing", run.Output);
        Assert.Contains("fields: purchase_order,invoice,attachments_1", run.Output);
        Assert.Contains("status: completed", run.Output);
    }

    [Fact]
    public async Task Consumers_restore_the_packages_just_packed_not_a_cached_copy()
    {
        var consumers = await fixture.Consumers;
        consumers.Build.EnsureSuccess();

        foreach (var (id, packed) in new[]
        {
            ("tableflow.generators", fixture.GeneratorsPackage),
            ("tableflow.testing", fixture.TestingPackage),
            ("tableflow.extensions.dependencyinjection", fixture.DependencyInjectionPackage),
            ("tableflow.aspnetcore", fixture.AspNetCorePackage),
        })
        {
            var restored = Path.Combine(fixture.Root, "packages", id, PackageFixture.Version, $"{id}.{PackageFixture.Version}.nupkg");
            Assert.True(File.Exists(restored), $"{id} was not restored into the run's own packages folder.");
            Assert.Equal(File.ReadAllBytes(packed), File.ReadAllBytes(restored));
        }
    }

    [Fact]
    public async Task Generated_RunAsync_is_compiled_into_the_consumer_with_its_documentation()
    {
        var consumers = await fixture.Consumers;
        consumers.Build.EnsureSuccess();

        var generated = Directory.EnumerateFiles(Path.Combine(consumers.AppDirectory, "obj"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Replace('\\', '/').Contains("/generated/TableFlow.Generators/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(generated, f => File.ReadAllText(f).Contains("RunAsync(", StringComparison.Ordinal));

        // GenerateDocumentationFile + warnings as errors: the generated public members carry their own docs,
        // and the property's summary reaches the parameter.
        var docs = File.ReadAllText(Path.ChangeExtension(consumers.AppAssembly, ".xml"));
        Assert.Contains("M:PoReconciliation.RunAsync(", docs);
        Assert.Contains("The purchase order, as a PDF.", docs);
    }

    [Fact]
    public async Task A_tableflow_json_in_the_project_reaches_the_compiler_without_being_listed()
    {
        var consumers = await fixture.Consumers;

        var items = (await DotNetCli.RunAsync(consumers.Directory, RunTimeout,
            "msbuild", consumers.FlowCheckProject, "-getItem:AdditionalFiles", "-nodeReuse:false")).EnsureSuccess();
        Assert.Contains("tableflow.json", items.Output);

        // ...and the generator reads it: the declaration lacks a field the flow requires.
        consumers.Build.EnsureSuccess();
        Assert.Matches(
            new Regex(@"InvoiceCheck\.cs\(\d+,\d+\): warning TF0010: Flow 'invoiceCheck0001' requires the file field 'invoice' \(tableflow\.json\)"),
            consumers.Build.Output);
    }

    [Fact]
    public async Task A_compiler_older_than_Roslyn_4_8_stops_the_build_with_a_clear_error()
    {
        var consumers = await fixture.Consumers;

        // CompilerApiVersion is what the SDK derives from the compiler it will run (and uses to pick the analyzer
        // folder); Roslyn 4.7 is what Visual Studio 17.7 / SDK 7.0.400 would report.
        var build = await DotNetCli.RunAsync(consumers.Directory, RunTimeout,
            "build", consumers.FlowCheckProject, "--no-restore", "-nodeReuse:false", "-p:CompilerApiVersion=roslyn4.7");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error TFPKG001: TableFlow.Generators needs C# compiler (Roslyn) 4.8 or later, but this build uses roslyn4.7.", build.Output);
        Assert.DoesNotContain("error CS", build.Output);
    }
}
