using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.Tests.Analyzers;
using TableFlow.Testing;

namespace TableFlow.Generators.Tests.Rules;

/// <summary>
/// The generator, the runtime and the emulator give the same verdict on the same names, from the table of
/// <see cref="FlowNameCases"/>: the generator as a diagnostic (TF0002, TF0005, TF0006), the runtime as an
/// <see cref="ArgumentException"/> before any I/O, the emulator as an <see cref="ArgumentException"/> when a flow is
/// defined and as a 400 over real HTTP when a request carries the name. Each names the problem in the same words.
/// </summary>
public class FlowNamesAgreementTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");

    [Theory]
    [MemberData(nameof(FlowNameCases.Keys), MemberType = typeof(FlowNameCases))]
    public async Task A_form_key_gets_the_same_verdict_everywhere(string key, string? problem, bool overHttp)
    {
        // Generator: TF0005 on the key.
        var diagnostics = await DeclarationDiagnosticsAsync($$"""
            using TableFlow;

            [TableFlow("f1")]
            public partial class KeyFlow
            {
                [FlowField({{Literal(key)}})] public FlowFile? Doc { get; }
            }
            """);
        AssertVerdict(problem, "TF0005", diagnostics);

        // Runtime: FlowRunRequest refuses it as it is added.
        AssertVerdict(problem, Record.Exception(() => new FlowRunRequest().AddFile(key, FlowFile.FromBytes(Pdf, "doc.pdf"))));

        // Emulator: a flow cannot define it, and a request that carries it gets a 400.
        await using var emulator = await TableFlowEmulator.StartAsync();
        AssertVerdict(problem, Record.Exception(() => emulator.AddFlow("defined", f => f.File(key))));
        if (!overHttp) return;

        emulator.AddFlow("f1", f => f.File(problem is null ? key : "other"));
        var (status, message) = await PostRunAsync(emulator, "f1", new[] { key });
        AssertVerdict(problem, status, message);
    }

    [Theory]
    [MemberData(nameof(FlowNameCases.KeySets), MemberType = typeof(FlowNameCases))]
    public async Task A_set_of_keys_gets_the_same_verdict_everywhere(string keys, string? problem, bool overHttp)
    {
        var set = FlowNameCases.ParseKeySet(keys);

        // Generator: TF0006 on the key of the last property.
        var properties = string.Join("\n", set.Select((k, i) =>
            $"    [FlowField({Literal(k.Key)})] public {(k.Multiple ? "System.Collections.Generic.IReadOnlyList<FlowFile>?" : "FlowFile?")} P{i} {{ get; }}"));
        var diagnostics = await DeclarationDiagnosticsAsync($"using TableFlow;\n\n[TableFlow(\"f1\")]\npublic partial class SetFlow\n{{\n{properties}\n}}\n");
        AssertVerdict(problem, "TF0006", diagnostics);
        if (problem is not null)
        {
            var location = diagnostics.Single(d => d.Id == "TF0006").Location;
            Assert.Equal(Literal(set[^1].Key), location.SourceTree!.GetText().ToString(location.SourceSpan));
        }

        // Runtime: the last key added is refused, and so is the first when they come the other way round.
        AssertVerdict(problem, Record.Exception(() => AddAll(new FlowRunRequest(), set)));
        AssertVerdict(problem, Record.Exception(() => AddAll(new FlowRunRequest(), set.Reverse().ToArray())));

        // Emulator: a flow cannot define them all, and a request that sends the last one as a file gets a 400.
        await using var emulator = await TableFlowEmulator.StartAsync();
        AssertVerdict(problem, Record.Exception(() => emulator.AddFlow("defined", f => Define(f, set))));
        if (!overHttp) return;

        emulator.AddFlow("f1", f => Define(f, problem is null ? set : set[..^1]));
        var parts = set.Select(k => k.Multiple ? k.Key + "_1" : k.Key).ToArray();
        var (status, message) = await PostRunAsync(emulator, "f1", parts);
        AssertVerdict(problem, status, message);
    }

    [Theory]
    [MemberData(nameof(FlowNameCases.Ids), MemberType = typeof(FlowNameCases))]
    public async Task An_id_gets_the_same_verdict_everywhere(string id, string? problem, bool overHttp)
    {
        // Generator: TF0002 on the flow id.
        var diagnostics = await DeclarationDiagnosticsAsync($$"""
            using TableFlow;

            [TableFlow({{Literal(id)}})]
            public partial class IdFlow
            {
                public FlowFile? Doc { get; }
            }
            """);
        AssertVerdict(problem, "TF0002", diagnostics);

        await using var emulator = await TableFlowEmulator.StartAsync();

        // Emulator: a flow cannot be defined with it.
        AssertVerdict(problem, Record.Exception(() => emulator.AddFlow(id, f => f.File("doc"))));

        // Runtime: the client refuses it as a flow id and as a run id, before any request.
        using (var client = emulator.CreateClient())
        {
            var request = new FlowRunRequest().AddFile("doc", FlowFile.FromBytes(Pdf, "doc.pdf"));
            AssertVerdict(problem, await Record.ExceptionAsync(() => client.RunFlowAsync(id, request)));
            if (problem is not null)
            {
                AssertVerdict(problem, await Record.ExceptionAsync(() => client.GetFlowRunAsync(id)));
                Assert.Empty(emulator.Requests);
            }
        }

        if (!overHttp) return;

        // Emulator over HTTP: a 400 for the flow id of a run request and for the run id of a read.
        var (status, message) = await PostRunAsync(emulator, id, new[] { "doc" });
        AssertVerdict(problem, status, message);
        using var http = emulator.CreateHttpClient();
        using var read = await http.GetAsync("v2/flows/runs/" + Uri.EscapeDataString(id));
        if (problem is null)
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
            Assert.Contains(problem, await ErrorMessageAsync(read));
        }
    }

    private static async Task<IReadOnlyList<Diagnostic>> DeclarationDiagnosticsAsync(string source)
    {
        var diagnostics = await AnalyzerRun.AllDiagnosticsAsync(AnalyzerRun.Compile(source), new DiagnosticAnalyzer[] { new FlowDeclarationAnalyzer() });
        return diagnostics.Where(d => d.Id.StartsWith("TF", StringComparison.Ordinal)).ToList();
    }

    private static void AssertVerdict(string? problem, string id, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (problem is null)
        {
            Assert.Empty(diagnostics);
            return;
        }

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(problem, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void AssertVerdict(string? problem, Exception? exception)
    {
        if (problem is null)
        {
            Assert.Null(exception);
            return;
        }

        Assert.Contains(problem, Assert.IsType<ArgumentException>(exception).Message);
    }

    private static void AssertVerdict(string? problem, HttpStatusCode status, string message)
    {
        if (problem is null)
        {
            Assert.True(status == HttpStatusCode.OK, $"the emulator answered {(int)status}: {message}");
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem, message);
    }

    private static void AddAll(FlowRunRequest request, (string Key, bool Multiple)[] keys)
    {
        foreach (var (key, multiple) in keys)
        {
            if (multiple) request.AddFiles(key, new[] { FlowFile.FromBytes(Pdf, key + ".pdf") });
            else request.AddFile(key, FlowFile.FromBytes(Pdf, key + ".pdf"));
        }
    }

    private static void Define(EmulatedFlowBuilder flow, (string Key, bool Multiple)[] keys)
    {
        foreach (var (key, multiple) in keys) flow.File(key, multiple: multiple);
    }

    /// <summary>
    /// Posts a run request written by hand, so that names the client would refuse still reach the emulator: one PDF
    /// part per name, each name written as a quoted-string (<c>\</c> and <c>"</c> escaped as quoted-pairs).
    /// </summary>
    private static async Task<(HttpStatusCode Status, string Message)> PostRunAsync(TableFlowEmulator emulator, string flowId, IEnumerable<string> partNames)
    {
        const string boundary = "agreement-boundary-7f3c";
        var body = new List<byte>();
        foreach (var name in partNames)
        {
            var quoted = name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            body.AddRange(Encoding.UTF8.GetBytes(
                $"--{boundary}\r\nContent-Disposition: form-data; name=\"{quoted}\"; filename=\"doc.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"));
            body.AddRange(Pdf);
            body.AddRange(Encoding.ASCII.GetBytes("\r\n"));
        }

        body.AddRange(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        using var http = emulator.CreateHttpClient();
        using var response = await http.PostAsync($"v2/flows/{Uri.EscapeDataString(flowId)}/run", content);
        return (response.StatusCode, response.IsSuccessStatusCode ? "" : await ErrorMessageAsync(response));
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("message").GetString()!;
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
