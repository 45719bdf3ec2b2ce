using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Cli.Tests;

/// <summary><c>tableflow runs</c> against the emulator: the table, the filters, the JSON.</summary>
public sealed class RunsCommandTests
{
    [Fact]
    public async Task Runs_lists_the_runs_newest_first_and_filters_them()
    {
        using var ws = new Workspace();
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(50) });
        emulator.AddFlow("flowA00000000001", f => f.File("doc", required: true));
        emulator.AddFlow("flowB00000000001", f => f.File("doc", required: true).EndsWith(RunOutcome.Failed("Template not found")));
        using var client = emulator.CreateClient();
        var a = await client.RunFlowAsync("flowA00000000001", new FlowRunRequest().AddFile("doc", FlowFile.FromBytes("%PDF a"u8.ToArray(), "a.pdf")));
        var b = await client.RunFlowAsync("flowB00000000001", new FlowRunRequest().AddFile("doc", FlowFile.FromBytes("%PDF b"u8.ToArray(), "b.pdf")));
        await client.WaitForFlowRunAsync(a);
        await client.WaitForFlowRunAsync(b);

        var table = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey), "runs", "--base-url", emulator.BaseAddress.ToString());
        var failed = await CliProcess.RunAsync(ws.Root, CliProcess.WithKey(emulator.ApiKey), "runs", "--flow", "flowB00000000001", "--status", "failed", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(table.ExitCode == 0, table.ToString());
        var rows = table.Stdout.Split('\n').Where(l => l.Contains(a.Id) || l.Contains(b.Id)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Contains(b.Id, rows[0]);
        Assert.Contains("flowB00000000001", rows[0]);
        Assert.Contains("failed", rows[0]);
        Assert.Contains("Template not found", rows[0]);
        Assert.Contains("completed", rows[1]);
        Assert.Contains("Status", table.Stdout);

        Assert.True(failed.ExitCode == 0, failed.ToString());
        var run = Assert.Single(JsonNode.Parse(failed.Stdout)!.AsArray())!;
        Assert.Equal(b.Id, (string?)run["id"]);
        Assert.Equal("failed", (string?)run["status"]);
        Assert.Equal("Template not found", (string?)run["error"]);
    }
}
