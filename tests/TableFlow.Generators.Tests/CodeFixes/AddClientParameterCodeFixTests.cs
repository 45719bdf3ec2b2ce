using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;

namespace TableFlow.Generators.Tests.CodeFixes;

public class AddClientParameterCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixTest<FlowDeclarationAnalyzer, AddClientParameterCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task The_client_parameter_goes_first_so_optional_parameters_stay_last() => Verify("""
        using System;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po{|TF0008:(TimeProvider clock, int retries = 3)|}
        {
            public FlowFile Invoice { get; }
            public DateTimeOffset Now => clock.GetUtcNow().AddSeconds(retries);
        }
        """, """
        using System;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po(TableFlowClient client, TimeProvider clock, int retries = 3)
        {
            public FlowFile Invoice { get; }
            public DateTimeOffset Now => clock.GetUtcNow().AddSeconds(retries);
        }
        """);

    [Fact]
    public Task Fix_all_adds_one_to_each_class_qualifying_the_type_where_TableFlow_is_not_imported_and_avoiding_a_taken_name() => Verify("""
        namespace Sample
        {
            [TableFlow.TableFlow("abc")]
            public partial class Po{|TF0008:()|}
            {
                public TableFlow.FlowFile Invoice { get; }
            }

            [TableFlow.TableFlow("def")]
            public partial class Other{|TF0008:(string client)|}
            {
                public TableFlow.FlowFile Invoice { get; }
                public string Name => client;
            }
        }
        """, """
        namespace Sample
        {
            [TableFlow.TableFlow("abc")]
            public partial class Po(TableFlow.TableFlowClient client)
            {
                public TableFlow.FlowFile Invoice { get; }
            }

            [TableFlow.TableFlow("def")]
            public partial class Other(TableFlow.TableFlowClient tableFlowClient, string client)
            {
                public TableFlow.FlowFile Invoice { get; }
                public string Name => client;
            }
        }
        """);

    [Fact]
    public Task Other_reasons_for_TF0008_offer_no_fix() => Verify("""
        using TableFlow;

        [TableFlow("abc")]
        public partial class {|TF0008:Po|}<T>
        {
            public FlowFile Invoice { get; }
        }
        """, """
        using TableFlow;

        [TableFlow("abc")]
        public partial class {|TF0008:Po|}<T>
        {
            public FlowFile Invoice { get; }
        }
        """);
}
