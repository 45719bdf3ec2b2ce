using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace TableFlow.Cli.Tests;

/// <summary><c>tableflow emulate</c>: the emulator program, serving the flows file to a real client.</summary>
public sealed class EmulateCommandTests
{
    [Fact]
    public async Task Emulate_serves_the_flows_file_with_the_given_key()
    {
        using var ws = new Workspace();
        ws.Write("tableflow.json", Workspace.SeedFlowsJson);
        using var process = CliProcess.Start(ws.Root, null, redirectInput: false, "emulate", "--port", "0", "--api-key", "cli-test-key", "--quiet");
        try
        {
            // The banner's first line says where it listens; ./tableflow.json is the default flows file.
            var read = process.StandardOutput.ReadLineAsync();
            Assert.True(await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))) == read, "the emulator printed nothing within 30 s");
            var banner = await read ?? "";
            var match = Regex.Match(banner, @"listening on (http://127\.0\.0\.1:\d+/)");
            if (!match.Success)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"no address in the banner '{banner}': {await process.StandardError.ReadToEndAsync()}");
            }

            using var client = new TableFlowClient(new TableFlowClientOptions { ApiKey = "cli-test-key", BaseAddress = new Uri(match.Groups[1].Value) });
            var flow = Assert.Single(await client.ListFlowsAsync());
            Assert.Equal("dk4g1tUg1uHLs8YU", flow.Id);
            Assert.Equal(new[] { "purchase_order", "invoice", "attachments" }, System.Linq.Enumerable.Select(flow.FileFields, f => f.Key));

            using var wrongKey = new TableFlowClient(new TableFlowClientOptions { ApiKey = "emulator-key", BaseAddress = new Uri(match.Groups[1].Value), MaxRetries = 0 });
            var refused = await Assert.ThrowsAsync<TableFlowApiException>(() => wrongKey.ListFlowsAsync());
            Assert.Equal(401, (int)refused.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
