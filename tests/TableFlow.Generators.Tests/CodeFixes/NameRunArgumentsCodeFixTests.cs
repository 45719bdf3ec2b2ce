using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;
using TableFlow.Generators.Tests.Analyzers;

namespace TableFlow.Generators.Tests.CodeFixes;

public class NameRunArgumentsCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixTest<PositionalRunArgumentAnalyzer, NameRunArgumentsCodeFixProvider>.VerifyAsync(
            RunAsyncSources.Flow + source, RunAsyncSources.Flow + fixedSource);

    [Fact]
    public Task Names_each_positional_argument_after_the_required_files_with_the_parameter_it_binds_to() => Verify("""
        class Use
        {
            Task<FlowRun> M(Po flow, FlowFile po, FlowFile invoice)
                => flow.RunAsync(po, invoice, [|null|], [|null|], [|"PO-123"|]);
        }
        """, """
        class Use
        {
            Task<FlowRun> M(Po flow, FlowFile po, FlowFile invoice)
                => flow.RunAsync(po, invoice, deliveryNote: null, purchaseOrderMetadata: null, purchaseOrderGuidance: "PO-123");
        }
        """);

    [Fact]
    public Task Keeps_line_breaks_indentation_and_comments_and_the_arguments_already_named() => Verify("""
        class Use
        {
            async Task M(Po flow, FlowFile po, FlowFile invoice, FlowFile note, CancellationToken ct)
            {
                await flow.RunAsync(
                    po,
                    invoice,
                    // the signed copy
                    [|note|],
                    cancellationToken: ct);
            }
        }
        """, """
        class Use
        {
            async Task M(Po flow, FlowFile po, FlowFile invoice, FlowFile note, CancellationToken ct)
            {
                await flow.RunAsync(
                    po,
                    invoice,
                    // the signed copy
                    deliveryNote: note,
                    cancellationToken: ct);
            }
        }
        """);

    [Fact]
    public async Task Fix_all_names_every_flagged_argument_in_every_document()
    {
        var test = new CodeFixTest<PositionalRunArgumentAnalyzer, NameRunArgumentsCodeFixProvider>(
            RunAsyncSources.Flow + """
            class Use
            {
                void M(Po flow, Po? maybe, FlowFile po, FlowFile invoice)
                {
                    _ = flow.RunAsync(po, invoice, [|null|], [|null|], [|"PO-123"|]);
                    _ = maybe?.RunAsync(po, invoice, [|null|]);
                }
            }
            """,
            RunAsyncSources.Flow + """
            class Use
            {
                void M(Po flow, Po? maybe, FlowFile po, FlowFile invoice)
                {
                    _ = flow.RunAsync(po, invoice, deliveryNote: null, purchaseOrderMetadata: null, purchaseOrderGuidance: "PO-123");
                    _ = maybe?.RunAsync(po, invoice, deliveryNote: null);
                }
            }
            """);
        test.TestState.Sources.Add(("Other.cs", """
            using TableFlow;

            class Derived : Po
            {
                void M(FlowFile po, FlowFile invoice) => _ = RunAsync(po, invoice, [|null|], [|null|], [|null|], [|null|], [|"net 30"|]);
            }
            """));
        test.FixedState.Sources.Add(("Other.cs", """
            using TableFlow;

            class Derived : Po
            {
                void M(FlowFile po, FlowFile invoice) => _ = RunAsync(po, invoice, deliveryNote: null, purchaseOrderMetadata: null, purchaseOrderGuidance: null, invoiceMetadata: null, invoiceGuidance: "net 30");
            }
            """));
        // Fix-all in document, project and solution scope is checked by the test too: each must reach the fixed state.
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync();
    }
}
