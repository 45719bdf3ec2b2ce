using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Emit;
using TableFlow.Generators.Model;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Emit;

/// <summary>The emitter alone, from hand-built models: it must produce valid code for any model, not only for parsed ones.</summary>
public class FlowEmitterTests
{
    private static FlowModel Model(string flowId, params FlowFieldModel[] fields)
        => new(null, new EquatableArray<string>(System.Array.Empty<string>()), "class", "Flow", "global::Flow", "Flow", flowId, true, "_client", null, false, "request", new EquatableArray<FlowFieldModel>(fields));

    private static void AssertCompilesClean(string generated)
    {
        var options = TestCompilations.ParseOptions();
        var compilation = TestCompilations.Create(options, "public partial class Flow { }")
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(generated, options, path: "Flow.g.cs"));
        var diagnostics = compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden && d.Location.SourceTree?.FilePath == "Flow.g.cs").ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void A_model_without_fields_gives_a_RunAsync_with_only_the_run_parameters()
    {
        var text = FlowEmitter.Emit(Model("abc"));
        Assert.Contains("RunAsync(\n        string? name = null,\n        global::System.Text.Json.Nodes.JsonObject? metadata = null,\n        global::System.Threading.CancellationToken cancellationToken = default)", text);
        Assert.DoesNotContain(" is null)", text);
        AssertCompilesClean(text);
    }

    [Fact]
    public void Strings_that_reach_the_emitter_are_escaped_in_code_and_in_docs()
    {
        var field = new FlowFieldModel("Scan", "scan \"one\"", true, false, "line1\nline2 </param> & \"q\"", "Summary with <tags> & \"quotes\"\nand a break", "scan", "scanMetadata", "scanGuidance");
        var text = FlowEmitter.Emit(Model("id\"with\\odd\nchars", field));
        Assert.Contains("public const string FlowId = \"id\\\"with\\\\odd\\nchars\";", text);
        Assert.Contains("request.AddFile(\"scan \\\"one\\\"\", scan, scanMetadata, scanGuidance ?? \"line1\\nline2 </param> & \\\"q\\\"\");", text);
        Assert.Contains("/// <param name=\"scan\">Summary with &lt;tags&gt; &amp; &quot;quotes&quot; and a break Required.</param>", text);
        AssertCompilesClean(text);
    }
}
