using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Package.Tests;

/// <summary>The typed client and its runtime publish as Native AOT with no trim or AOT warnings, and work.</summary>
[Collection(PackageCollection.Name)]
public sealed class AotSampleTests(PackageFixture fixture)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task AotSample_publishes_natively_without_trim_or_AOT_warnings_and_runs_a_flow_and_an_extraction_against_the_emulator()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        // The same artifacts folder as the pack, so the runtime and generator builds are reused, not rebuilt.
        var publish = (await DotNetCli.RunAsync(RepositoryPaths.Root, PublishTimeout,
            "publish", Path.Combine("samples", "AotSample", "AotSample.csproj"), "-c", "Release", "-r", rid,
            "--artifacts-path", fixture.Artifacts, "-nodeReuse:false")).EnsureSuccess();

        var trimOrAotWarnings = Regex.Matches(publish.Output, @"warning IL[23]\d{3}\b.*").Select(m => m.Value).Distinct().ToList();
        Assert.True(trimOrAotWarnings.Count == 0, "Trim/AOT warnings:\n" + string.Join('\n', trimOrAotWarnings));

        var folder = Path.Combine(fixture.Artifacts, "publish", "AotSample", $"release_{rid}");
        var binary = Path.Combine(folder, OperatingSystem.IsWindows() ? "AotSample.exe" : "AotSample");
        Assert.True(File.Exists(binary), $"No native binary at {binary}.");
        // A native executable, not an apphost beside a managed AotSample.dll.
        Assert.False(File.Exists(Path.Combine(folder, "AotSample.dll")));

        var offline = (await DotNetCli.RunProgramAsync(binary, folder, RunTimeout, environment: null)).EnsureSuccess();
        Assert.Contains("flow expenseClaim0001: Receipt (receipt, required), Supporting (supporting, multiple, optional)", offline.Output);
        Assert.Contains("template receiptTemplate01: Café Central, 42.00 on 2026-11-28, 2 lines", offline.Output);
        Assert.Contains("issue: lines[1].amount: error: The value \"1,5\" of column 'amount' of table 'lines' (row 1) cannot be converted to decimal.", offline.Output);

        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(300) });
        // The same definition file the generator checked the declaration against.
        emulator.LoadFlows(Path.Combine(RepositoryPaths.Root, "samples", "AotSample", "tableflow.json"));

        var online = (await DotNetCli.RunProgramAsync(binary, folder, RunTimeout,
            [("TABLEFLOW_API_KEY", emulator.ApiKey)], emulator.BaseAddress.ToString())).EnsureSuccess();

        Assert.Contains("status: completed", online.Output);
        Assert.Contains("metadata: {\"source\":\"aot-sample\",\"attempt\":1}", online.Output);
        var run = Assert.Single(emulator.Runs);
        Assert.Equal(["receipt", "supporting_1"], run.Files.Select(f => f.PartName));
        Assert.Equal("AOT sample", run.Name);
        Assert.Equal("%PDF-1.4 receipt: 42.00 EUR", run.Files[0].ReadAsString());

        // The typed template over HTTP, as published natively: upload, wait, the extraction read back (from the
        // template and its sample result in the same tableflow.json).
        Assert.Contains("extracted: Café Central, 42.0 on 2026-11-28, 2 x Espresso = 7.00 + 1 x Cake = 35.00, 0 issues", online.Output);
        var extraction = Assert.Single(emulator.Extractions);
        Assert.Equal("receiptTemplate01", extraction.TemplateId);
        Assert.Equal("receipt.pdf", extraction.FileName);
        Assert.Equal("AOT sample", extraction.Name);
    }
}
