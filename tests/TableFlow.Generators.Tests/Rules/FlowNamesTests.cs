using System.Linq;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Tests.Rules;

/// <summary>
/// Pins the one set of name rules (<c>FlowNames</c>, the source file the generator, the runtime and the emulator all
/// compile) to the table of <see cref="FlowNameCases"/>, word for word.
/// </summary>
public class FlowNamesTests
{
    [Theory]
    [MemberData(nameof(FlowNameCases.Verdicts), nameof(FlowNameCases.Keys), MemberType = typeof(FlowNameCases))]
    public void Form_keys_get_the_verdict_of_the_table(string key, string? problem)
    {
        Assert.Equal(problem, FlowNames.FormKeyProblem(key));
    }

    [Fact]
    public void A_null_form_key_is_empty() => Assert.Equal("it is empty", FlowNames.FormKeyProblem(null));

    [Theory]
    [MemberData(nameof(FlowNameCases.Verdicts), nameof(FlowNameCases.KeySets), MemberType = typeof(FlowNameCases))]
    public void Key_sets_get_the_verdict_of_the_table_for_their_last_key(string keys, string? problem)
    {
        var set = FlowNameCases.ParseKeySet(keys);
        Assert.Equal(problem, FlowNames.CollisionProblem(set, set.Length - 1));
    }

    [Theory]
    [MemberData(nameof(FlowNameCases.Verdicts), nameof(FlowNameCases.KeySets), MemberType = typeof(FlowNameCases))]
    public void A_collision_is_found_whichever_key_comes_first(string keys, string? problem)
    {
        var reversed = FlowNameCases.ParseKeySet(keys).Reverse().ToArray();
        Assert.Equal(problem, FlowNames.CollisionProblemWith(reversed, reversed.Length - 1));
    }

    [Theory]
    [MemberData(nameof(FlowNameCases.Verdicts), nameof(FlowNameCases.Ids), MemberType = typeof(FlowNameCases))]
    public void Ids_get_the_verdict_of_the_table(string id, string? problem)
    {
        Assert.Equal(problem, FlowNames.IdProblem(id));
    }

    [Theory]
    [InlineData("PurchaseOrder", "purchase_order")]
    [InlineData("HTMLReport", "html_report")]
    [InlineData("Scan2Page", "scan2_page")]
    [InlineData("@class", "class")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Invoice_PDF", "invoice_pdf")]
    public void Property_names_become_snake_case_keys(string property, string key) => Assert.Equal(key, FlowNames.ToSnakeCase(property));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("line\r\nbreak", "line\\r\\nbreak")]
    [InlineData("tab\tnul\0", "tab\\tnul\\0")]
    [InlineData("esc\u001Bdel\u007F", "esc\\u001Bdel\\u007F")]
    [InlineData("quote \" and backslash \\ stay", "quote \" and backslash \\ stay")]
    public void Text_in_messages_has_its_control_characters_escaped(string text, string printable)
        => Assert.Equal(printable, FlowNames.Printable(text));

    [Fact]
    public void The_generator_rules_forward_to_the_shared_ones()
    {
        Assert.False(FlowRules.IsValidFormKey("in\\voice", out var keyProblem));
        Assert.Equal(FlowNames.FormKeyProblem("in\\voice"), keyProblem);
        Assert.False(FlowRules.IsValidFlowId("a b", out var idProblem));
        Assert.Equal(FlowNames.IdProblem("a b"), idProblem);
        Assert.Same(FlowNames.ReservedKeys, FlowRules.ReservedKeys);
    }
}
