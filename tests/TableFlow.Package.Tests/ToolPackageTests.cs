using System;
using System.IO;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Package.Tests;

/// <summary>The <c>tableflow</c> tool installs from its package as the README says and runs as <c>tableflow</c>.</summary>
[Collection(PackageCollection.Name)]
public sealed class ToolPackageTests(PackageFixture fixture)
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_tool_installs_from_the_packed_feed_and_its_tableflow_command_talks_to_the_emulator()
    {
        Assert.True(File.Exists(fixture.CliPackage), $"No tool package at {fixture.CliPackage}.");
        var toolPath = Path.Combine(fixture.Root, "tool");
        // A packages folder of its own: a TableFlow.Cli 0.1.0 cached by an earlier install can never stand in.
        (string, string)[] isolated = [("NUGET_PACKAGES", Path.Combine(fixture.Root, "tool-packages"))];

        (await DotNetCli.RunProgramAsync("dotnet", fixture.Root, InstallTimeout, isolated,
            "tool", "install", "TableFlow.Cli", "--tool-path", toolPath, "--add-source", fixture.Feed, "--version", PackageFixture.Version)).EnsureSuccess();

        var tableflow = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "tableflow.exe" : "tableflow");
        Assert.True(File.Exists(tableflow), $"No 'tableflow' command at {tableflow}.");

        var help = (await DotNetCli.RunProgramAsync(tableflow, fixture.Root, RunTimeout, null, "--help")).EnsureSuccess();
        foreach (var command in new[] { "pull", "run", "runs", "emulate", "extract" }) Assert.Contains(command, help.Output);

        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow("dk4g1tUg1uHLs8YU", f => f.File("purchase_order", required: true));
        var output = Path.Combine(fixture.Root, "pulled.json");
        (await DotNetCli.RunProgramAsync(tableflow, fixture.Root, RunTimeout, [("TABLEFLOW_API_KEY", emulator.ApiKey)],
            "pull", "--base-url", emulator.BaseAddress.ToString(), "--output", output)).EnsureSuccess();
        Assert.Contains("\"purchase_order\"", File.ReadAllText(output));

        var bad = await DotNetCli.RunProgramAsync(tableflow, fixture.Root, RunTimeout, [("TABLEFLOW_API_KEY", emulator.ApiKey)],
            "run", "dk4g1tUg1uHLs8YU", "purchase_order=@no-such-file.pdf", "--base-url", emulator.BaseAddress.ToString());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no-such-file.pdf", bad.Output);
        Assert.Empty(emulator.Runs);
    }
}
