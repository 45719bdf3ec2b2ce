using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;

namespace TableFlow.Generators.Tests.CodeFixes;

public class AddMissingFieldCodeFixTests
{
    private const string Json = """
        [{"id": "po", "file_input_config": {"file_fields": [
          {"key": "purchase_order", "required": true},
          {"key": "invoice", "required": true},
          {"key": "delivery-note", "required": true},
          {"key": "pages", "required": true, "multiple": true},
          {"key": "extra", "required": false}
        ]}}]
        """;

    private static Task Verify(string source, string fixedSource, string? fixAllSource = null)
    {
        var test = new CodeFixTest<FlowDefinitionAnalyzer, AddMissingFieldCodeFixProvider>(source, fixedSource);
        if (fixAllSource is not null) test.BatchFixedCode = fixAllSource;
        test.TestState.AdditionalFiles.Add(("/0/tableflow.json", Json));
        test.FixedState.AdditionalFiles.Add(("/0/tableflow.json", Json));
        return test.RunAsync();
    }

    [Fact]
    public Task Adds_each_missing_required_field_after_the_last_file_field_and_fix_all_keeps_the_flows_order() => Verify("""
        using System.Collections.Generic;
        using TableFlow;

        [TableFlow("po")]
        public partial class {|TF0010:{|TF0010:{|TF0010:Po|}|}|}
        {
            public FlowFile PurchaseOrder { get; }

            public string Label { get; } = "";
        }
        """, """
        using System.Collections.Generic;
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }
            [FlowField("delivery-note")]
            public FlowFile DeliveryNote { get; }
            public FlowFile Invoice { get; }
            public IReadOnlyList<FlowFile> Pages { get; }

            public string Label { get; } = "";
        }
        """, """
        using System.Collections.Generic;
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }
            public FlowFile Invoice { get; }
            [FlowField("delivery-note")]
            public FlowFile DeliveryNote { get; }
            public IReadOnlyList<FlowFile> Pages { get; }

            public string Label { get; } = "";
        }
        """);

    [Fact]
    public Task A_name_the_class_already_uses_gets_a_suffix_and_an_explicit_key() => Verify("""
        using System.Collections.Generic;
        using TableFlow;

        [TableFlow("po")]
        public partial class {|TF0010:Po|}
        {
            public FlowFile PurchaseOrder { get; }
            [FlowField("delivery-note")] public FlowFile Note { get; }
            [FlowField("pages")] public IReadOnlyList<FlowFile> Scans { get; }
            public string Invoice { get; } = "";
        }
        """, """
        using System.Collections.Generic;
        using TableFlow;

        [TableFlow("po")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; }
            [FlowField("delivery-note")] public FlowFile Note { get; }
            [FlowField("pages")] public IReadOnlyList<FlowFile> Scans { get; }
            [FlowField("invoice")]
            public FlowFile InvoiceFile { get; }
            public string Invoice { get; } = "";
        }
        """);
}
