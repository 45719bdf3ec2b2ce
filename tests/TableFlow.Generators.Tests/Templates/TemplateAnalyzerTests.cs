using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TableFlow.Generators.Tests.Analyzers;
using TableFlow.Generators.Templates;

namespace TableFlow.Generators.Tests.Templates;

/// <summary>Every template diagnostic (TF0013–TF0020) at its exact location with its exact message, and none on valid declarations.</summary>
public class TemplateAnalyzerTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected)
    {
        var test = new TableFlow.Generators.Tests.Analyzers.AnalyzerTest<TemplateDeclarationAnalyzer>("using System;\nusing System.Collections.Generic;\nusing TableFlow;\n" + source)
        {
            // Without the generator, get-only properties are never assigned (CS8618 and the like): only ours are checked.
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Error(string id, int markup, string message)
        => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(markup).WithMessage(message);

    [Theory]
    [MemberData(nameof(TemplateCases.Names), MemberType = typeof(TemplateCases))]
    public Task The_snapshot_declarations_raise_nothing(string name) => Verify(TemplateCases.Get(name));

    [Fact]
    public Task TF0013_is_an_error_on_the_class_identifier() => Verify("""
        [TableFlowTemplate("abc")]
        public class {|#0:Invoice|}
        {
            public string? Number { get; }
        }
        """,
        Error("TF0013", 0, "[TableFlowTemplate] class 'Invoice' must be partial so the generator can add its ReadAsync and FromExtraction methods. Add the 'partial' modifier."));

    [Fact]
    public Task TF0013_names_the_containing_types_that_are_not_partial() => Verify("""
        public class Outer
        {
            public class Middle
            {
                [TableFlowTemplate("abc")]
                public partial class {|#0:Invoice|} { public string? Number { get; } }
            }
        }
        """,
        Error("TF0013", 0, "[TableFlowTemplate] class 'Invoice' and every type that contains it must be partial so the generator can add its members; 'Middle', 'Outer' are not. Add the 'partial' modifier."));

    [Theory]
    [InlineData("\"\"", "it is empty")]
    [InlineData("\"auto\"", "'auto' lets TableFlow pick any template, whose fields need not match the class's properties")]
    [InlineData("\"a/b\"", "it contains '/', which cannot stand in a URL path segment (use letters, digits, '-', '_', '.' or '~')")]
    public Task TF0014_is_an_error_on_the_id_argument(string id, string why) => Verify($$"""
        [TableFlowTemplate({|#0:{{id}}|})]
        public partial class Invoice { public string? Number { get; } }
        """,
        Error("TF0014", 0, $"The template id of [TableFlowTemplate] class 'Invoice' is not valid: {why}. Use the id of the extraction template shown in the TableFlow dashboard, such as \"JlLZVabDjYWzu7C9\"."));

    [Fact]
    public Task TF0015_is_an_error_on_the_type_of_an_unsupported_field() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public {|#0:Guid|} Id { get; }
            public {|#1:ExtractedValue?|} Raw { get; }
            public Guid Computed => Guid.Empty;
        }
        """,
        Error("TF0015", 0, "Property 'Id' of [TableFlowTemplate] class 'Invoice' has type 'System.Guid', which a template field cannot be read into. Use string, a numeric type, bool, DateOnly, DateTime, DateTimeOffset (nullable or not), ExtractedValue, or IReadOnlyList<TRow> for a table; or make it a computed property (with a body), which the template does not fill."),
        Error("TF0015", 1, "Property 'Raw' of [TableFlowTemplate] class 'Invoice' has type 'TableFlow.ExtractedValue?', which a template field cannot be read into. Use string, a numeric type, bool, DateOnly, DateTime, DateTimeOffset (nullable or not), ExtractedValue, or IReadOnlyList<TRow> for a table; or make it a computed property (with a body), which the template does not fill."));

    [Fact]
    public Task TF0015_asks_for_IReadOnlyList_when_a_table_is_another_collection() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public {|#0:List<Line>|} Lines { get; }
            [TemplateTable("rows")] public {|#1:Line[]|} Rows { get; }
        }
        public class Line { public string? Text { get; set; } }
        """,
        Error("TF0015", 0, "Property 'Lines' of [TableFlowTemplate] class 'Invoice' holds table rows as 'System.Collections.Generic.List<Line>'; a template table is read into IReadOnlyList<Line>. Change the property's type to IReadOnlyList<Line>."),
        Error("TF0015", 1, "Property 'Rows' of [TableFlowTemplate] class 'Invoice' holds table rows as 'Line[]'; a template table is read into IReadOnlyList<Line>. Change the property's type to IReadOnlyList<Line>."));

    [Fact]
    public Task TF0015_names_the_column_of_a_row_type_on_the_table_property() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public {|#0:IReadOnlyList<Line>|} Lines { get; }
        }
        public class Line { public string? Text { get; set; } public Uri? Link { get; set; } }
        """,
        Error("TF0015", 0, "Property 'Link' of row type 'Line' has type 'System.Uri?', which a table column cannot be read into, so table 'Lines' of [TableFlowTemplate] class 'Invoice' cannot be filled. Use string, a numeric type, bool, DateOnly, DateTime, DateTimeOffset (nullable or not) or ExtractedValue."));

    [Fact]
    public Task TF0016_is_an_error_on_the_second_key_of_a_field_a_table_or_a_column() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public string? InvoiceNumber { get; }
            [TemplateField({|#0:"invoice_number"|})] public string? Number { get; }
            public IReadOnlyList<Line>? Lines { get; }
            [TemplateTable({|#1:"lines"|})] public IReadOnlyList<Line>? Other { get; }
            [TemplateTable("more")] public {|#2:IReadOnlyList<Pair>?|} More { get; }
        }
        public class Line { public string? Text { get; set; } }
        public class Pair { public string? Text { get; set; } [TemplateField("text")] public string? Copy { get; set; } }
        """,
        Error("TF0016", 0, "Properties 'InvoiceNumber' and 'Number' of 'Invoice' both read the field key 'invoice_number'. Give one of them its own key with [TemplateField(\"key\")] (or [TemplateTable(\"key\")] for a table), or remove the duplicate."),
        Error("TF0016", 1, "Properties 'Lines' and 'Other' of 'Invoice' both read the table key 'lines'. Give one of them its own key with [TemplateField(\"key\")] (or [TemplateTable(\"key\")] for a table), or remove the duplicate."),
        Error("TF0016", 2, "Properties 'Text' and 'Copy' of 'Pair' both read the column key 'text'. Give one of them its own key with [TemplateField(\"key\")] (or [TemplateTable(\"key\")] for a table), or remove the duplicate."));

    [Fact]
    public Task TF0016_is_an_error_on_a_blank_key() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            [TemplateField({|#0:" "|})] public string? Number { get; }
        }
        """,
        Error("TF0016", 0, "The key ' ' of property 'Number' of 'Invoice' is empty or blank. Name the template's key, or remove the argument to use the snake_case property name."));

    [Theory]
    [InlineData("public abstract class Line { public string? Text { get; set; } }", "Line", "it is abstract")]
    [InlineData("public class Line { public Line(int a) { } public string? Text { get; set; } }", "Line", "it has no accessible parameterless constructor (a positional record needs one too)")]
    [InlineData("public record Line(string? Text);", "Line", "it has no accessible parameterless constructor (a positional record needs one too)")]
    [InlineData("public class Line { public string? Text { get; } }", "Line", "it has no settable property (set or init) the generated code can fill")]
    [InlineData("public interface Line { string? Text { get; set; } }", "Line", "it is an interface")]
    public Task TF0017_is_an_error_on_the_table_type_when_the_row_cannot_be_filled(string rowType, string shown, string why) => Verify($$"""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public {|#0:IReadOnlyList<Line>|} Lines { get; }
        }
        {{rowType}}
        """,
        Error("TF0017", 0, $"Table 'Lines' of [TableFlowTemplate] class 'Invoice' has row type '{shown}', which the generated code cannot fill: {why}. Use a non-abstract class, struct or record with an accessible parameterless constructor and settable properties."));

    [Fact]
    public Task TF0017_refuses_a_table_of_single_values() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public {|#0:IReadOnlyList<string>|} Tags { get; }
        }
        """,
        Error("TF0017", 0, "Table 'Tags' of [TableFlowTemplate] class 'Invoice' has row type 'string', which the generated code cannot fill: a row is an object with one property per column, not a single value. Use a non-abstract class, struct or record with an accessible parameterless constructor and settable properties."));

    [Fact]
    public Task TF0018_is_an_error_for_both_attributes_a_table_attribute_on_a_value_and_a_marked_computed_property() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            [TemplateField("a"), TemplateTable("b")] public IReadOnlyList<Line>? {|#0:Lines|} { get; }
            [TemplateTable] public {|#1:string?|} Name { get; }
            [TemplateField("total")] public decimal {|#2:Total|} => 1m;
            [TemplateField("s")] public static string? {|#3:Shared|} { get; }
        }
        public class Line { public string? Text { get; set; } }
        """,
        Error("TF0018", 0, "Property 'Lines' of [TableFlowTemplate] class 'Invoice' has both [TemplateField] and [TemplateTable]; a property reads either a field or a table. Remove one of the attributes."),
        Error("TF0018", 1, "Property 'Name' of [TableFlowTemplate] class 'Invoice' has [TemplateTable] but its type 'string?' is not a list of rows. Declare it as IReadOnlyList<TRow>, or use [TemplateField] for a single value."),
        Error("TF0018", 2, "Property 'Total' of [TableFlowTemplate] class 'Invoice' has [TemplateField] but is not an auto-property the generated constructor can assign (it is static, computed or has no accessor it can use). Make it '{ get; }', '{ get; init; }' or '{ get; set; }', or remove [TemplateField]."),
        Error("TF0018", 3, "Property 'Shared' of [TableFlowTemplate] class 'Invoice' has [TemplateField] but is not an auto-property the generated constructor can assign (it is static, computed or has no accessor it can use). Make it '{ get; }', '{ get; init; }' or '{ get; set; }', or remove [TemplateField]."));

    [Theory]
    [InlineData("public static partial class", "", "it is static, but ReadAsync creates instances of it; remove the 'static' modifier")]
    [InlineData("public partial struct", "", "it is a struct; declare it as a 'partial class' or 'partial record'")]
    [InlineData("public partial class", "<T>", "it is generic, but a template has one fixed set of fields; remove its type parameters")]
    [InlineData("public abstract partial class", "", "it is abstract, but ReadAsync creates instances of it; remove the 'abstract' modifier")]
    [InlineData("file partial class", "", "it is file-local, so the generated part in another file cannot extend it; remove the 'file' modifier")]
    [InlineData("public partial class", "(int Number)", "it has a primary constructor, which the generated constructor would have to call; declare the properties in the body instead")]
    [InlineData("public partial class", " : Base", "its base class 'Base' has no accessible parameterless constructor for the generated constructor to call")]
    public Task TF0019_is_an_error_on_the_class_identifier(string header, string suffix, string why) => Verify($$"""
        [TableFlowTemplate("abc")]
        {{header}} {|#0:Invoice|}{{suffix}}
        {
        }
        public class Base { public Base(int x) { } }
        """,
        Error("TF0019", 0, $"[TableFlowTemplate] class 'Invoice' cannot take the generated members: {why}. See TF0019 for what a template class must be."));

    [Fact]
    public Task TF0019_is_an_error_when_nested_in_a_generic_type() => Verify("""
        public partial class Outer<T>
        {
            [TableFlowTemplate("abc")]
            public partial class {|#0:Invoice|} { public string? Number { get; } }
        }
        """,
        Error("TF0019", 0, "[TableFlowTemplate] class 'Invoice' cannot take the generated members: it is nested in generic type 'Outer'; move it out. See TF0019 for what a template class must be."));

    [Fact]
    public Task TF0020_is_an_error_on_a_member_with_a_generated_name_and_on_the_class_for_an_inherited_one() => Verify("""
        [TableFlowTemplate("abc")]
        public partial class Invoice : Base
        {
            public string? Number { get; }
            public static void {|#0:ReadAsync|}() { }
            public const string {|#1:TemplateId|} = "x";
        }
        [TableFlowTemplate("def")]
        public partial class {|#2:Other|} : Base2
        {
            public string? Number { get; }
        }
        public class Base { }
        public class Base2 { public static void FromExtraction() { } }
        """,
        Error("TF0020", 0, "[TableFlowTemplate] class 'Invoice' declares 'ReadAsync', which the generator adds itself. Rename or remove the member."),
        Error("TF0020", 1, "[TableFlowTemplate] class 'Invoice' declares 'TemplateId', which the generator adds itself. Rename or remove the member."),
        Error("TF0020", 2, "[TableFlowTemplate] class 'Other' inherits 'FromExtraction' from 'Base2', which the generated member would hide. Rename the member in 'Base2', or do not derive 'Other' from it."));
}
