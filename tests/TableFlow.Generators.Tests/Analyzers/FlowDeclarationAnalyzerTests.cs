using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Analyzers;

namespace TableFlow.Generators.Tests.Analyzers;

public class FlowDeclarationAnalyzerTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected)
        => AnalyzerTest<FlowDeclarationAnalyzer>.VerifyAsync(source, expected);

    private static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity, int markup, string message)
        => new DiagnosticResult(id, severity).WithLocation(markup).WithMessage(message);

    [Fact]
    public Task The_readme_declaration_raises_nothing() => Verify(FlowSources.Readme);

    [Fact]
    public Task A_flow_class_in_a_namespace_nested_in_a_partial_struct_raises_nothing() => Verify("""
        using TableFlow;
        namespace Acme.Flows;
        public partial struct Outer
        {
            [TableFlow("abc-123_x.y~z")]
            internal sealed partial class Invoices
            {
                public FlowFile Invoice { get; }
                [FlowIgnore] public System.IO.Stream? Raw { get; }
                public string Title { get; } = "";
            }
        }
        """);

    [Fact]
    public Task TF0001_is_an_error_on_the_class_identifier() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public class {|#0:Po|}
        {
            public FlowFile Invoice { get; }
        }
        """,
        Diagnostic("TF0001", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' must be partial so the generator can add its RunAsync method and constructor. Add the 'partial' modifier."));

    [Fact]
    public Task TF0001_fires_when_only_a_containing_type_is_not_partial() => Verify("""
        using TableFlow;
        public class Outer
        {
            [TableFlow("abc")]
            public partial class {|#0:Po|}
            {
                public FlowFile Invoice { get; }
            }
        }
        """,
        Diagnostic("TF0001", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' and every type that contains it must be partial so the generator can add its members; 'Outer' is not. Add the 'partial' modifier."));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("\"dk4g/1tUg\"")]
    [InlineData("\"a b\"")]
    [InlineData("\"..\"")]
    public Task TF0002_is_an_error_on_the_flow_id_argument(string flowId) => Verify($$"""
        using TableFlow;
        [TableFlow({|TF0002:{{flowId}}|})]
        public partial class Po
        {
            public FlowFile Invoice { get; }
        }
        """);

    [Fact]
    public Task TF0003_is_a_warning_on_the_class_identifier_when_no_property_is_a_file_field() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class {|#0:Po|}
        {
            public string Title { get; } = "";
            [FlowIgnore] public FlowFile? Ignored { get; }
        }
        """,
        Diagnostic("TF0003", DiagnosticSeverity.Warning, 0,
            "[TableFlow] class 'Po' declares no file-field property, so its RunAsync sends no file. Declare one property per file of the flow, such as 'public FlowFile Invoice { get; }'."));

    [Fact]
    public Task TF0004_is_an_error_on_the_second_key() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            [FlowField({|#0:"invoice"|})] public FlowFile? Copy { get; }
        }
        """,
        Diagnostic("TF0004", DiagnosticSeverity.Error, 0,
            "Properties 'Invoice' and 'Copy' of [TableFlow] class 'Po' both map to the form key 'invoice'. Give one of them its own key with [FlowField(\"key\")], or remove the duplicate."));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"in\\\"voice\"")]
    [InlineData("\"line\\nbreak\"")]
    [InlineData("\" padded\"")]
    public Task TF0005_is_an_error_on_the_key_argument(string key) => Verify($$"""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            [FlowField({|TF0005:{{key}}|})] public FlowFile Invoice { get; }
        }
        """);

    [Fact]
    public Task TF0006_is_an_error_on_a_property_whose_derived_key_is_reserved() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile {|TF0006:Metadata|} { get; }
            public FlowFile Invoice { get; }
            public FlowFile? {|TF0006:InvoiceGuidance|} { get; }
            [FlowField({|TF0006:"name"|})] public FlowFile? Title { get; }
        }
        """);

    [Fact]
    public Task TF0006_catches_the_numbered_parts_of_a_multi_file_field() => Verify("""
        using System.Collections.Generic;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public IReadOnlyList<FlowFile> Pages { get; }
            [FlowField({|TF0006:"pages_2"|})] public FlowFile? Cover { get; }
        }
        """);

    [Fact]
    public Task TF0007_is_a_warning_on_a_file_like_property() => Verify("""
        using System.IO;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public Stream {|#0:Scan|} { get; } = Stream.Null;
            public byte[]? {|TF0007:Receipt|} { get; }
            public FileInfo {|TF0007:Attachment|} { get; } = null!;
            public string? {|TF0007:DeliveryNotePdf|} { get; }
            public Stream? {|TF0007:Photo|} { get; }
            public FileInfo? {|TF0007:Contract|} { get; }
            public System.ReadOnlyMemory<byte>? {|TF0007:Signature|} { get; }
            public string? Title { get; }
        }
        """,
        Diagnostic("TF0007", DiagnosticSeverity.Warning, 0,
            "Property 'Scan' of [TableFlow] class 'Po' looks like a file but its type 'System.IO.Stream' is not a FlowFile type, so it is not sent. Change its type to FlowFile (or IReadOnlyList<FlowFile> for several files), or mark it [FlowIgnore]."));

    [Fact]
    public Task TF0008_is_an_error_on_a_generic_class() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class {|#0:Po|}<T>
        {
            public FlowFile Invoice { get; }
        }
        """,
        Diagnostic("TF0008", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' is generic; a flow class needs one fixed set of fields. Remove its type parameters."));

    [Fact]
    public Task TF0008_is_an_error_on_a_static_class() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public static partial class {|TF0008:Po|}
        {
        }
        """,
        new DiagnosticResult("TF0003", DiagnosticSeverity.Warning).WithSpan(3, 29, 3, 31));

    [Fact]
    public Task TF0009_is_an_error_on_each_member_that_takes_a_generated_name() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public const string {|TF0009:FlowId|} = "abc";
            public static int {|TF0009:Fields|} => 0;
            public {|TF0009:Po|}(TableFlowClient client) { }
            public FlowFile Invoice { get; }
            public Po(TableFlowClient client, int retries) : this(client) { }
        }
        """);

    [Fact]
    public Task TF0007_is_a_warning_on_FlowFile_collections_of_an_unsupported_shape() => Verify("""
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public List<FlowFile> {|#0:Pages|} { get; } = new();
            public ICollection<FlowFile>? {|TF0007:Collected|} { get; }
            public IReadOnlyCollection<FlowFile>? {|TF0007:ReadOnlyCollected|} { get; }
            public ImmutableArray<FlowFile> {|TF0007:Immutable|} { get; }
            public FlowFile[][]? {|TF0007:Jagged|} { get; }
            public IList<FlowFile>? {|TF0007:Listed|} { get; }
            public HashSet<FlowFile>? {|TF0007:Set|} { get; }
            [FlowIgnore] public List<FlowFile>? Kept { get; }
        }
        """,
        Diagnostic("TF0007", DiagnosticSeverity.Warning, 0,
            "Property 'Pages' of [TableFlow] class 'Po' holds FlowFiles as 'System.Collections.Generic.List<TableFlow.FlowFile>', which is not a file-field shape, so it is not sent. Change its type to IReadOnlyList<FlowFile> (or IEnumerable<FlowFile>, FlowFile[], FlowFile), or mark it [FlowIgnore]."));

    [Fact]
    public Task TF0008_is_an_error_on_the_parameter_list_of_a_primary_constructor_without_a_client() => Verify("""
        using System;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po{|#0:(TimeProvider clock)|}
        {
            public FlowFile Invoice { get; }
            public DateTimeOffset Now => clock.GetUtcNow();
        }
        """,
        Diagnostic("TF0008", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' has a primary constructor without a TableFlowClient parameter, so the generated RunAsync has no client to send its runs through (and no other constructor can be added). Add a 'TableFlowClient client' parameter."));

    [Fact]
    public Task Primary_constructors_and_records_with_a_client_raise_nothing() => Verify("""
        using System;
        using TableFlow;
        [TableFlow("abc")]
        public partial class Po(TableFlowClient client, TimeProvider clock)
        {
            public FlowFile Invoice { get; }
            public Po(TableFlowClient client) : this(client, TimeProvider.System) { }
        }
        [TableFlow("def")]
        public partial record RecordPo(TableFlowClient Client) { public FlowFile Invoice { get; } }
        [TableFlow("ghi")]
        public partial record PlainRecordPo { public FlowFile Invoice { get; } }
        """);

    [Fact]
    public Task TF0008_is_an_error_on_a_file_local_class_and_on_a_class_inside_one() => Verify("""
        using TableFlow;
        [TableFlow("abc")]
        file partial class {|#0:Po|} { public FlowFile Invoice { get; } }
        file partial class Outer
        {
            [TableFlow("def")]
            public partial class {|#1:Inner|} { public FlowFile Invoice { get; } }
        }
        """,
        Diagnostic("TF0008", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'Po' is file-local, so the generated part in another file cannot extend it. Remove the 'file' modifier."),
        Diagnostic("TF0008", DiagnosticSeverity.Error, 1,
            "[TableFlow] class 'Inner' is nested in file-local type 'Outer', so the generated part in another file cannot extend it. Remove the 'file' modifier from 'Outer'."));

    [Fact]
    public Task TF0009_is_an_error_on_the_class_when_a_base_class_has_a_member_the_generated_one_would_hide() => Verify("""
        using System.Threading.Tasks;
        using System.Text.Json.Nodes;
        using System.Threading;
        using TableFlow;
        public class WithFlowId { public const string FlowId = "x"; }
        public class WithFields { protected static int Fields => 0; }
        public class WithRunAsync
        {
            public Task<FlowRun> RunAsync(FlowFile invoice, JsonObject? invoiceMetadata = null, string? invoiceGuidance = null, string? name = null, JsonObject? metadata = null, CancellationToken cancellationToken = default) => null!;
        }
        public class WithOtherRunAsync { public Task<FlowRun> RunAsync(string path) => null!; private int FlowId => 0; }
        [TableFlow("a")] public partial class {|#0:A|} : WithFlowId { public FlowFile Invoice { get; } }
        [TableFlow("b")] public partial class {|#1:B|} : WithFields { public FlowFile Invoice { get; } }
        [TableFlow("c")] public partial class {|#2:C|} : WithRunAsync { public FlowFile Invoice { get; } }
        [TableFlow("d")] public partial class D : WithOtherRunAsync { public FlowFile Invoice { get; } }
        """,
        Diagnostic("TF0009", DiagnosticSeverity.Error, 0,
            "[TableFlow] class 'A' inherits 'FlowId' from 'WithFlowId', which the generated member would hide. Rename the member in 'WithFlowId', or do not derive 'A' from it."),
        Diagnostic("TF0009", DiagnosticSeverity.Error, 1,
            "[TableFlow] class 'B' inherits 'Fields' from 'WithFields', which the generated member would hide. Rename the member in 'WithFields', or do not derive 'B' from it."),
        Diagnostic("TF0009", DiagnosticSeverity.Error, 2,
            "[TableFlow] class 'C' inherits a 'RunAsync' method with the parameters of the generated one from 'WithRunAsync', which the generated member would hide. Rename the member in 'WithRunAsync', or do not derive 'C' from it."));

    [Fact]
    public Task Classes_without_the_attribute_are_not_checked() => Verify("""
        using System.IO;
        using TableFlow;
        public class Po
        {
            public Stream? Scan { get; }
            public FlowFile? Invoice { get; }
        }
        """);
}
