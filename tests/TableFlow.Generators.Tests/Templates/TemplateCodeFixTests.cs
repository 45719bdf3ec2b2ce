using System.Threading.Tasks;
using TableFlow.Generators.CodeFixes;
using TableFlow.Generators.Templates;
using TableFlow.Generators.Tests.CodeFixes;

namespace TableFlow.Generators.Tests.Templates;

/// <summary>The code fixes offered for template diagnostics: TF0013 (add partial) and TF0015 on a table collection (IReadOnlyList).</summary>
public class TemplateCodeFixTests
{
    [Fact]
    public Task TF0013_adds_partial_to_the_template_and_its_containing_type() => CodeFixTest<TemplateDeclarationAnalyzer, MakePartialCodeFixProvider>.VerifyAsync("""
        using TableFlow;

        public class Outer
        {
            [TableFlowTemplate("abc")]
            public sealed class {|TF0013:Invoice|}
            {
                public string? Number { get; }
            }
        }
        """, """
        using TableFlow;

        public partial class Outer
        {
            [TableFlowTemplate("abc")]
            public sealed partial class Invoice
            {
                public string? Number { get; }
            }
        }
        """);

    [Fact]
    public Task TF0015_changes_a_List_table_and_a_nullable_array_table_to_IReadOnlyList() => CodeFixTest<TemplateDeclarationAnalyzer, ChangeToReadOnlyListCodeFixProvider>.VerifyAsync("""
        using System.Collections.Generic;
        using TableFlow;

        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public {|TF0015:List<Line>|} Lines { get; }
            public {|TF0015:Line[]?|} Extra { get; }
        }

        public class Line { public string? Text { get; set; } }
        """, """
        using System.Collections.Generic;
        using TableFlow;

        [TableFlowTemplate("abc")]
        public partial class Invoice
        {
            public IReadOnlyList<Line> Lines { get; }
            public IReadOnlyList<Line>? Extra { get; }
        }

        public class Line { public string? Text { get; set; } }
        """);
}
