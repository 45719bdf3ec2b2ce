using System;
using System.Linq;
using System.Threading.Tasks;
using TableFlow.Testing;

namespace TableFlow.Cli.Tests;

/// <summary>
/// Every bad input gives exit code 2 and one line on stderr — never a stack trace — and nothing is run. The checks
/// against tableflow.json happen before any request reaches the API.
/// </summary>
public sealed class BadInputTests
{
    private const string Flow = "dk4g1tUg1uHLs8YU";

    public static TheoryData<string, string[], bool, string> Cases => new()
    {
        // name, arguments ({url} is the emulator), whether a request reaches the API, a fragment of the error line
        { "no key", ["runs", "--base-url", "{url}"], false, "error: no API key: pass --api-key or set TABLEFLOW_API_KEY." },
        { "flow not in the file", ["run", "unknownFlow00001", "purchase_order=@po.pdf", "invoice=@invoice.pdf"], false, "error: flow 'unknownFlow00001' is not in tableflow.json (it has dk4g1tUg1uHLs8YU); check the id, or run 'tableflow pull'" },
        { "flow unknown to the API", ["run", "unknownFlow00001", "doc=@po.pdf", "--flows", ""], true, "unknownFlow00001" },
        { "unknown key", ["run", Flow, "purchase_order=@po.pdf", "invoice=@invoice.pdf", "purchase_ordr=@po.pdf"], false, "error: flow 'dk4g1tUg1uHLs8YU' has no file field 'purchase_ordr' (its fields: purchase_order, invoice, attachments)." },
        { "missing required file", ["run", Flow, "purchase_order=@po.pdf"], false, "error: flow 'dk4g1tUg1uHLs8YU' needs a file for 'invoice' (Invoice): add invoice=@<file>." },
        { "file not on disk", ["run", Flow, "purchase_order=@po.pdf", "invoice=@nope.pdf"], false, "error: file not found: 'nope.pdf' (for 'invoice')." },
        { "bad --metadata JSON", ["run", Flow, "purchase_order=@po.pdf", "invoice=@invoice.pdf", "--metadata", "{\"customer_id\": 12345"], false, "error: --metadata is not valid JSON" },
        { "--metadata not an object", ["run", Flow, "purchase_order=@po.pdf", "invoice=@invoice.pdf", "--metadata", "[1, 2]"], false, "error: --metadata must be a JSON object such as '{\"customer_id\": \"12345\"}', not an array." },
        { "bad --file-metadata JSON", ["run", Flow, "purchase_order=@po.pdf", "invoice=@invoice.pdf", "--file-metadata", "invoice=nope"], false, "error: --file-metadata for 'invoice' is not valid JSON" },
        { "file of a type the field refuses", ["run", Flow, "purchase_order=@po.pdf", "invoice=@notes.txt"], false, "for field 'invoice' is not an accepted type" },
        { "file over max_file_size", ["run", Flow, "purchase_order=@big.pdf", "invoice=@invoice.pdf"], false, "error: File 'big.pdf' for field 'purchase_order' is " },
        { "two files for a single-file field", ["run", Flow, "purchase_order=@po.pdf", "purchase_order=@po.pdf", "invoice=@invoice.pdf"], false, "error: 'purchase_order' of flow 'dk4g1tUg1uHLs8YU' takes one file, but 2 were given" },
        { "file argument without @", ["run", Flow, "purchase_order=po.pdf", "invoice=@invoice.pdf"], false, "error: 'purchase_order=po.pdf' is not a file argument: write purchase_order=@<path>" },
        { "guidance for a key with no file", ["run", Flow, "purchase_order=@po.pdf", "invoice=@invoice.pdf", "--guidance", "attachments=only PDFs"], false, "error: --guidance/--file-metadata name 'attachments', which has no file on the command line" },
        { "flows file missing", ["run", Flow, "purchase_order=@po.pdf", "invoice=@invoice.pdf", "--flows", "missing.json"], false, "error: the flow definition file 'missing.json' does not exist." },
        { "broken flows file on pull", ["pull", "--output", "broken.json"], false, "error: the flow definition file 'broken.json' is not valid JSON at line 2; fix it or delete it." },
        { "broken flows file for the emulator", ["emulate", "--flows", "broken.json", "--port", "0"], false, "broken.json' is not valid JSON at line 2" },
        { "unreachable server", ["runs", "--base-url", "http://127.0.0.1:1/"], false, "no connection could be made, so the API did not receive the request" },
        { "missing flow id", ["run"], false, "(see 'tableflow run --help')" },
        { "unknown option", ["runs", "--colour"], false, "error: Unrecognized command or argument '--colour'. (see 'tableflow runs --help')" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_exits_with_2_and_one_line(string name, string[] arguments, bool reachesServer, string expected)
    {
        using var ws = new Workspace();
        // max_file_size is 10485760 in the seed; "big.pdf" is over a limit lowered for purchase_order only.
        ws.Write("tableflow.json", Workspace.SeedFlowsJson.Replace("\"file_types\": [\"pdf\", \"image\"], \"max_file_size\": 10485760},\n     {\"key\": \"invoice\"", "\"file_types\": [\"pdf\", \"image\"], \"max_file_size\": 16},\n     {\"key\": \"invoice\"", StringComparison.Ordinal));
        Assert.Contains("\"max_file_size\": 16}", ws.Read("tableflow.json"));
        ws.Write("po.pdf", "%PDF-1.4 po"u8.ToArray());
        ws.Write("big.pdf", "%PDF-1.4 a purchase order of more than sixteen bytes"u8.ToArray());
        ws.Write("invoice.pdf", "%PDF-1.4 invoice"u8.ToArray());
        ws.Write("notes.txt", "not a pdf");
        ws.Write("broken.json", "[\n  {\"id\": }\n]");
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow(Flow, f => f.File("purchase_order", required: true).File("invoice", required: true));
        var args = arguments.Select(a => a.Replace("{url}", emulator.BaseAddress.ToString(), StringComparison.Ordinal)).ToList();
        if (!args.Contains("--base-url") && args.Count > 1 && args[0] != "emulate") args.AddRange(["--base-url", emulator.BaseAddress.ToString()]);
        var flowsIndex = args.IndexOf("--flows");
        if (flowsIndex >= 0 && args[flowsIndex + 1].Length == 0)
        {
            // No flows file at all: the API is the judge.
            System.IO.File.Delete(ws.PathOf("tableflow.json"));
            args.RemoveRange(flowsIndex, 2);
        }

        // Every case but the one about the key has it in the environment, as a configured shell would.
        var result = await CliProcess.RunAsync(ws.Root, name == "no key" ? null : CliProcess.WithKey(emulator.ApiKey), args.ToArray());

        Assert.True(result.ExitCode == 2, $"{name}: {result}");
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain(" at TableFlow", result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.Empty(emulator.Runs);
        Assert.Equal(reachesServer, emulator.Requests.Count > 0);
        Assert.Equal("[\n  {\"id\": }\n]", ws.Read("broken.json")); // a pull that cannot read the file leaves it alone
    }
}
