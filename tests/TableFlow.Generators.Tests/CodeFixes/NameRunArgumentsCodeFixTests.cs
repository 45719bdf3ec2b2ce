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
    public Task A_string_that_landed_in_a_guidance_parameter_can_be_sent_as_the_runs_name_instead() => VerifyAsRunName("""
        class Use
        {
            Task<FlowRun> M(Po flow, FlowFile po, FlowFile invoice)
                => flow.RunAsync(po, invoice, [|null|], [|null|], [|"PO-123"|]);
        }
        """, """
        class Use
        {
            Task<FlowRun> M(Po flow, FlowFile po, FlowFile invoice)
                => flow.RunAsync(po, invoice, name: "PO-123");
        }
        """);

    [Fact]
    public Task Sending_as_the_runs_name_keeps_real_values_named_and_the_layout() => VerifyAsRunName("""
        class Use
        {
            Task<FlowRun> M(Po flow, FlowFile po, FlowFile invoice, FlowFile note, string reference)
                => flow.RunAsync(
                    po,
                    invoice,
                    [|note|],
                    [|default|],
                    [|reference|],
                    cancellationToken: CancellationToken.None);
        }
        """, """
        class Use
        {
            Task<FlowRun> M(Po flow, FlowFile po, FlowFile invoice, FlowFile note, string reference)
                => flow.RunAsync(
                    po,
                    invoice,
                    deliveryNote: note,
                    name: reference,
                    cancellationToken: CancellationToken.None);
        }
        """);

    [Fact]
    public Task Sending_as_the_runs_name_is_not_offered_for_a_value_that_is_no_string_or_when_the_name_is_set()
    {
        const string Source = """
            class Use
            {
                void M(Po flow, FlowFile po, FlowFile invoice, FlowFile note)
                {
                    _ = flow.RunAsync(po, invoice, [|note|]);
                    _ = flow.RunAsync(po, invoice, [|null|], [|null|], [|"net 30"|], name: "PO-123");
                }
            }
            """;
        var test = new CodeFixTest<PositionalRunArgumentAnalyzer, NameRunArgumentsCodeFixProvider>(RunAsyncSources.Flow + Source, RunAsyncSources.Flow + Source)
        {
            CodeActionEquivalenceKey = "TF0012.AsRunName",
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck,
            NumberOfIncrementalIterations = 0,
        };
        return test.RunAsync();
    }

    private static Task VerifyAsRunName(string source, string fixedSource)
    {
        var test = new CodeFixTest<PositionalRunArgumentAnalyzer, NameRunArgumentsCodeFixProvider>(RunAsyncSources.Flow + source, RunAsyncSources.Flow + fixedSource)
        {
            CodeActionEquivalenceKey = "TF0012.AsRunName",
            // It changes what the call sends, so it is never part of a fix-all.
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck,
            NumberOfIncrementalIterations = 1,
        };
        return test.RunAsync();
    }

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
