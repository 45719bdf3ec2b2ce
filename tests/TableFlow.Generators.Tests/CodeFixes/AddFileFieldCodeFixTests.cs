using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;

namespace TableFlow.Generators.Tests.CodeFixes;

public class AddFileFieldCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixTest<FlowDeclarationAnalyzer, AddFileFieldCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task Adds_a_FlowFile_property_at_the_top_of_the_class() => Verify("""
        using TableFlow;

        [TableFlow("abc")]
        public partial class {|TF0003:Po|}
        {
            public string Title { get; } = "";
        }
        """, """
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Document { get; }
            public string Title { get; } = "";
        }
        """);

    [Fact]
    public Task Picks_a_name_the_class_does_not_use_and_works_in_an_empty_class() => Verify("""
        using TableFlow;

        [TableFlow("abc")]
        public partial class {|TF0003:Po|}
        {
            public int Document => 1;
        }

        [TableFlow("def")]
        public partial class {|TF0003:Empty|}
        {
        }
        """, """
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile File { get; }
            public int Document => 1;
        }

        [TableFlow("def")]
        public partial class Empty
        {
            public FlowFile Document { get; }
        }
        """);
}
