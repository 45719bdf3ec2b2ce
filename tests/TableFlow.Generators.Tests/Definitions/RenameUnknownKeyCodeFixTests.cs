using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;
using TableFlow.Generators.Tests.CodeFixes;

namespace TableFlow.Generators.Tests.Definitions;

/// <summary>TF0010's fix for a key the flow does not have: send the closest real key.</summary>
public class RenameUnknownKeyCodeFixTests
{
    private const string Json = """
        [{"id": "po", "file_input_config": {"file_fields": [
          {"key": "purchase_order", "required": true},
          {"key": "invoice", "required": false},
          {"key": "delivery-note", "required": false}
        ]}}]
        """;

    private static Task Verify(string source, string fixedSource, int iterations = 1)
    {
        var test = new CodeFixTest<FlowDefinitionAnalyzer, RenameUnknownKeyCodeFixProvider>(source, fixedSource);
        test.TestState.AdditionalFiles.Add(("/0/tableflow.json", Json));
        test.FixedState.AdditionalFiles.Add(("/0/tableflow.json", Json));
        test.NumberOfIncrementalIterations = iterations;
        test.NumberOfFixAllIterations = 0;
        return test.RunAsync();
    }

    [Fact]
    public Task A_property_whose_key_comes_from_its_name_is_renamed_with_its_references() => Verify("""
        using TableFlow;

        [TableFlow("po")]
        public partial class {|TF0010:Po|}
        {
            public FlowFile {|TF0010:PurchaseOrdr|} { get; }

            public string Describe() => nameof(PurchaseOrdr);
        }
        """, """
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }

            public string Describe() => nameof(PurchaseOrder);
        }
        """);

    [Fact]
    public Task An_explicit_key_is_rewritten_in_the_attribute() => Verify("""
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }

            [FlowField({|TF0010:"invoce"|}, Guidance = "Totals")]
            public FlowFile? Bill { get; }
        }
        """, """
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }

            [FlowField("invoice", Guidance = "Totals")]
            public FlowFile? Bill { get; }
        }
        """);

    [Fact]
    public Task A_key_no_property_name_gives_is_written_in_a_new_attribute() => Verify("""
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }

            public FlowFile? {|TF0010:DeliveryNotes|} { get; }
        }
        """, """
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }

            [FlowField("delivery-note")]
            public FlowFile? DeliveryNotes { get; }
        }
        """);

    [Fact]
    public Task No_fix_is_offered_when_nothing_is_close() => Verify("""
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }

            public FlowFile? {|TF0010:Receipt|} { get; }
        }
        """, """
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }

            public FlowFile? {|TF0010:Receipt|} { get; }
        }
        """, iterations: 0);
}
