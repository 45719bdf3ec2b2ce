using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Analyzers;

public class PositionalRunArgumentAnalyzerTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected)
        => AnalyzerTest<PositionalRunArgumentAnalyzer>.VerifyAsync(RunAsyncSources.Flow + source, expected);

    [Fact]
    public Task A_positional_string_after_the_required_files_warns_on_the_argument_and_names_the_parameter_it_lands_in() => Verify("""
        class Use
        {
            Task<FlowRun> M(Po flow, FlowFile po, FlowFile invoice)
                => flow.RunAsync(po, invoice, {|#0:null|}, {|#1:null|}, {|#2:"PO-123"|});
        }
        """,
        new DiagnosticResult("TF0012", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("This argument of Po.RunAsync is passed by position and lands in the optional parameter 'deliveryNote'; name it ('deliveryNote: …') so it cannot silently fill the wrong one"),
        new DiagnosticResult("TF0012", DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("This argument of Po.RunAsync is passed by position and lands in the optional parameter 'purchaseOrderMetadata'; name it ('purchaseOrderMetadata: …') so it cannot silently fill the wrong one"),
        new DiagnosticResult("TF0012", DiagnosticSeverity.Warning).WithLocation(2)
            .WithMessage("This argument of Po.RunAsync is passed by position and lands in the optional parameter 'purchaseOrderGuidance'; name it ('purchaseOrderGuidance: …') so it cannot silently fill the wrong one"));

    [Fact]
    public Task The_span_is_the_whole_argument_even_across_lines_and_for_an_optional_file() => Verify("""
        class Use
        {
            async Task M(Po flow, FlowFile po, FlowFile invoice, FlowFile note, CancellationToken ct)
            {
                await flow.RunAsync(
                    po,
                    invoice,
                    {|TF0012:note|},
                    cancellationToken: ct);
            }
        }
        """);

    [Fact]
    public Task Required_only_named_and_named_in_position_calls_do_not_warn() => Verify("""
        class Use
        {
            async Task M(Po flow, FlowFile po, FlowFile invoice, FlowFile note, CancellationToken ct)
            {
                await flow.RunAsync(po, invoice);
                await flow.RunAsync(po, invoice, name: "PO-123");
                await flow.RunAsync(purchaseOrder: po, invoice, deliveryNote: note, invoiceGuidance: "net 30", metadata: new JsonObject(), cancellationToken: ct);
                await flow.RunAsync(invoice: invoice, purchaseOrder: po, name: "PO-123");
            }
        }
        """);

    [Fact]
    public Task Calls_through_a_derived_class_a_nullable_variable_and_a_lambda_warn() => Verify("""
        class Derived : Po { }

        class Use
        {
            void M(Derived derived, Po? maybe, FlowFile po, FlowFile invoice)
            {
                _ = derived.RunAsync(po, invoice, {|TF0012:null|}, {|TF0012:null|}, {|TF0012:"PO-123"|});
                _ = maybe?.RunAsync(po, invoice, {|TF0012:null|});
                System.Func<Po, Task<FlowRun>> run = f => f.RunAsync(po, invoice, {|TF0012:default|});
            }
        }
        """);

    [Fact]
    public Task Other_RunAsync_methods_do_not_warn() => Verify("""
        [TableFlow("other")]
        public partial class HandWritten
        {
            public FlowFile Invoice { get; } = null!;

            // The user's own overload in a flow class: no [GeneratedCode] of the TableFlow generator.
            public Task RunAsync(FlowFile invoice, string? name = null) => Task.CompletedTask;

            // Another tool's generated code.
            [GeneratedCode("Other.Generator", "1.0")]
            public Task RunAsync(FlowFile invoice, int attempts, string? name = null) => Task.CompletedTask;
        }

        public class Job
        {
            // Marked by our generator's name, but not in a [TableFlow] class.
            [GeneratedCode("TableFlow.Generators", "1.0.0.0")]
            public Task RunAsync(string? name = null) => Task.CompletedTask;
        }

        class Use
        {
            void M(HandWritten flow, Job job, FlowFile invoice)
            {
                _ = flow.RunAsync(invoice, "PO-123");
                _ = flow.RunAsync(invoice, 3, "PO-123");
                _ = job.RunAsync("PO-123");
            }
        }
        """);

    [Fact]
    public async Task The_real_generated_RunAsync_is_recognised()
    {
        var compilation = AnalyzerRun.Compile("""
            using System.Threading.Tasks;
            using TableFlow;

            [TableFlow("dk4g1tUg1uHLs8YU")]
            public partial class Po
            {
                public FlowFile PurchaseOrder { get; }
                public FlowFile Invoice { get; }
            }

            class Use
            {
                Task<FlowRun> Named(Po flow, FlowFile po, FlowFile invoice) => flow.RunAsync(po, invoice, name: "PO-123");
                Task<FlowRun> Positional(Po flow, FlowFile po, FlowFile invoice) => flow.RunAsync(po, invoice, null, "PO-123");
            }
            """);
        var generated = GeneratorRunner.Run(compilation).Output;

        var diagnostics = await AnalyzerRun.AllDiagnosticsAsync(generated, new[] { new PositionalRunArgumentAnalyzer() });

        var tf0012 = diagnostics.Where(d => d.Id == "TF0012").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { "null", "\"PO-123\"" }, tf0012.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.Contains("'purchaseOrderGuidance'", tf0012[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(tf0012, d => Assert.Equal("User.cs", d.Location.SourceTree!.FilePath));
    }
}
