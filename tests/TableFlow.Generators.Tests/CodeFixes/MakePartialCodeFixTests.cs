using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;

namespace TableFlow.Generators.Tests.CodeFixes;

public class MakePartialCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixTest<FlowDeclarationAnalyzer, MakePartialCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task Adds_partial_after_the_other_modifiers() => Verify("""
        using TableFlow;

        [TableFlow("abc")]
        public sealed class {|TF0001:Po|}
        {
            public FlowFile Invoice { get; }
        }
        """, """
        using TableFlow;

        [TableFlow("abc")]
        public sealed partial class Po
        {
            public FlowFile Invoice { get; }
        }
        """);

    [Fact]
    public Task Adds_partial_to_a_class_without_modifiers_keeping_its_comment_and_indentation() => Verify("""
        using TableFlow;

        namespace Acme
        {
            [TableFlow("abc")]
            // the invoices flow
            class {|TF0001:Po|}
            {
                public FlowFile Invoice { get; }
            }
        }
        """, """
        using TableFlow;

        namespace Acme
        {
            [TableFlow("abc")]
            // the invoices flow
            partial class Po
            {
                public FlowFile Invoice { get; }
            }
        }
        """);

    [Fact]
    public Task Adds_partial_to_every_containing_type_that_lacks_it() => Verify("""
        using TableFlow;

        public static class Flows
        {
            internal partial struct Group
            {
                public record Inner
                {
                    [TableFlow("abc")]
                    public class {|TF0001:Po|}
                    {
                        public FlowFile Invoice { get; }
                    }
                }
            }
        }
        """, """
        using TableFlow;

        public static partial class Flows
        {
            internal partial struct Group
            {
                public partial record Inner
                {
                    [TableFlow("abc")]
                    public partial class Po
                    {
                        public FlowFile Invoice { get; }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fix_all_adds_each_modifier_once_when_flow_classes_share_an_outer_type() => Verify("""
        using TableFlow;

        public class Flows
        {
            [TableFlow("a")]
            public class {|TF0001:Invoices|}
            {
                public FlowFile Invoice { get; }
            }

            [TableFlow("b")]
            public partial class {|TF0001:Orders|}
            {
                public FlowFile Order { get; }
            }
        }
        """, """
        using TableFlow;

        public partial class Flows
        {
            [TableFlow("a")]
            public partial class Invoices
            {
                public FlowFile Invoice { get; }
            }

            [TableFlow("b")]
            public partial class Orders
            {
                public FlowFile Order { get; }
            }
        }
        """);

    [Fact]
    public Task Adds_partial_to_a_containing_type_declared_in_another_file()
    {
        var test = new CodeFixTest<FlowDeclarationAnalyzer, MakePartialCodeFixProvider>("""
            using TableFlow;

            public partial class Flows
            {
                [TableFlow("abc")]
                public partial class {|TF0001:Po|}
                {
                    public FlowFile Invoice { get; }
                }
            }
            """, """
            using TableFlow;

            public partial class Flows
            {
                [TableFlow("abc")]
                public partial class Po
                {
                    public FlowFile Invoice { get; }
                }
            }
            """);
        test.TestState.Sources.Add(("Flows.Other.cs", """
            public class {|CS0260:Flows|}
            {
                public static int Count => 1;
            }
            """));
        test.FixedState.Sources.Add(("Flows.Other.cs", """
            public partial class Flows
            {
                public static int Count => 1;
            }
            """));
        return test.RunAsync();
    }
}
