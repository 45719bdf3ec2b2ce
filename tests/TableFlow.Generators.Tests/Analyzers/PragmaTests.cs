using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Analyzers;

namespace TableFlow.Generators.Tests.Analyzers;

/// <summary>Users silence a TableFlow warning the ordinary ways: <c>#pragma</c> and <c>[SuppressMessage]</c>.</summary>
public class PragmaTests
{
    private const string Declaration = """
        using System.IO;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; } = null!;
        #pragma warning disable TF0007 // the raw scan is kept for the audit log, not sent
            public byte[] Scan { get; } = new byte[0];
        #pragma warning restore TF0007
            public byte[] Receipt { get; } = new byte[0];
        }
        """;

    [Fact]
    public Task Pragma_warning_disable_TF0007_hides_the_warning_between_disable_and_restore()
    {
        var test = new AnalyzerTest<FlowDeclarationAnalyzer>(Declaration.Replace("public byte[] Receipt", "public byte[] {|TF0007:Receipt|}"))
        {
            // The framework's own check wraps the file in a blanket '#pragma warning disable', which our 'restore' undoes.
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task The_pragma_suppresses_the_reported_diagnostic_rather_than_preventing_it()
    {
        var diagnostics = await AnalyzeAsync(Declaration);

        var tf0007 = diagnostics.Where(d => d.Id == "TF0007").OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.Equal(2, tf0007.Length);
        Assert.True(tf0007[0].IsSuppressed, "TF0007 on Scan should be suppressed by the pragma");
        Assert.False(tf0007[1].IsSuppressed, "TF0007 on Receipt is after the restore");
    }

    [Fact]
    public async Task SuppressMessage_on_the_property_suppresses_TF0007()
    {
        var diagnostics = await AnalyzeAsync("""
            using System.Diagnostics.CodeAnalysis;
            using TableFlow;
            [TableFlow("abc")]
            public partial class Po
            {
                public FlowFile Invoice { get; } = null!;
                [SuppressMessage("TableFlow", "TF0007", Justification = "kept for the audit log")]
                public byte[] Scan { get; } = new byte[0];
            }
            """);

        Assert.True(Assert.Single(diagnostics, d => d.Id == "TF0007").IsSuppressed);
    }

    // ("error" is applied as warning-as-error, which the test framework still shows as a warning, so it is not a case here.)
    [Theory]
    [InlineData("none", null)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public Task Editorconfig_sets_the_severity_of_TF0007(string configured, DiagnosticSeverity? expected)
    {
        var test = new AnalyzerTest<FlowDeclarationAnalyzer>("""
            using TableFlow;
            [TableFlow("abc")]
            public partial class Po
            {
                public FlowFile Invoice { get; } = null!;
                public byte[] Scan { get; } = new byte[0];
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.TF0007.severity = {configured}\n"));
        if (expected is { } severity) test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0007", severity).WithSpan(6, 19, 6, 23));
        return test.RunAsync();
    }

    private static async Task<Diagnostic[]> AnalyzeAsync(string source)
        => (await AnalyzerRun.AllDiagnosticsAsync(AnalyzerRun.Compile(source), new[] { new FlowDeclarationAnalyzer() }))
            .Where(d => d.Id.StartsWith("TF", System.StringComparison.Ordinal)).ToArray();
}
