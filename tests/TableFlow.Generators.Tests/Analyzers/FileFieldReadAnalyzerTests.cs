using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Analyzers;

namespace TableFlow.Generators.Tests.Analyzers;

public class FileFieldReadAnalyzerTests
{
    // The declaration compiles without the generator here, so CS8618 on the properties is expected noise;
    // the properties are nullable or initialized where a test does not need them required.
    private const string Flow = """
        using System.Collections.Generic;
        using TableFlow;

        [TableFlow("dk4g1tUg1uHLs8YU")]
        public partial class Po
        {
            public FlowFile PurchaseOrder { get; } = null!;
            public FlowFile? DeliveryNote { get; }
            public IReadOnlyList<FlowFile>? Attachments { get; }
            [FlowIgnore] public FlowFile? Ignored { get; }
            public string Label { get; } = "";
        }
        """;

    [Fact]
    public Task Read_of_a_required_file_field_warns_at_the_property_name()
        => AnalyzerTest<FileFieldReadAnalyzer>.VerifyAsync(Flow + """

            class Use
            {
                object M(Po po) => po.{|#0:PurchaseOrder|};
            }
            """,
            new DiagnosticResult("TF0011", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("'Po.PurchaseOrder' declares a file field of the flow and holds no value; pass the file to RunAsync instead of reading the property"));

    [Fact]
    public Task Reads_of_optional_multi_and_conditional_access_warn()
        => AnalyzerTest<FileFieldReadAnalyzer>.VerifyAsync(Flow + """

            class Use
            {
                void M(Po? po)
                {
                    var a = po?.{|TF0011:DeliveryNote|};
                    foreach (var f in po!.{|TF0011:Attachments|}!) { }
                }
            }
            """);

    [Fact]
    public Task Read_inside_the_flow_class_warns()
        => AnalyzerTest<FileFieldReadAnalyzer>.VerifyAsync(Flow.Replace("public string Label { get; } = \"\";", "public string Label => {|TF0011:DeliveryNote|}?.ToString() ?? \"\";"));

    [Fact]
    public Task Nameof_assignment_ignored_and_other_properties_do_not_warn()
        => AnalyzerTest<FileFieldReadAnalyzer>.VerifyAsync(Flow + """

            class Use
            {
                string M(Po po)
                {
                    _ = po.Ignored;
                    _ = po.Label;
                    return nameof(Po.PurchaseOrder) + nameof(po.DeliveryNote);
                }
            }

            partial class Po2
            {
                public FlowFile? NotAFlow { get; set; }
                void M() { NotAFlow = null; _ = NotAFlow; }
            }
            """);

    [Fact]
    public Task Assignment_in_a_user_constructor_is_not_a_read()
        => AnalyzerTest<FileFieldReadAnalyzer>.VerifyAsync("""
            using TableFlow;

            [TableFlow("abc")]
            public partial class Po
            {
                public Po(FlowFile f) { PurchaseOrder = f; }
                public FlowFile PurchaseOrder { get; }
            }
            """);

    [Fact]
    public Task Nothing_is_reported_when_the_runtime_is_not_referenced()
    {
        var test = new AnalyzerTest<FileFieldReadAnalyzer>("""
            namespace TableFlow { class FlowFile { } }
            class C { TableFlow.FlowFile? P { get; } object M() => P!; }
            """);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        return test.RunAsync();
    }
}
