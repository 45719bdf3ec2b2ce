using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Tests.Declarations;

public class FlowRulesTests
{
    [Theory]
    [InlineData("PurchaseOrder", "purchase_order")]
    [InlineData("HTMLReport", "html_report")]
    [InlineData("Invoice2", "invoice2")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("PDFFile", "pdf_file")]
    [InlineData("Invoice", "invoice")]
    [InlineData("@Class", "class")]
    public void ToSnakeCase_derives_the_form_key_from_a_property_name(string name, string key)
        => Assert.Equal(key, FlowRules.ToSnakeCase(name));

    [Theory]
    [InlineData("dk4g1tUg1uHLs8YU", true)]
    [InlineData("a-b_c.d~e", true)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("a b", false)]
    [InlineData("a/b", false)]
    [InlineData("a?b", false)]
    [InlineData("..", false)]
    public void IsValidFlowId_accepts_only_unreserved_url_characters(string id, bool valid)
        => Assert.Equal(valid, FlowRules.IsValidFlowId(id, out _));

    [Theory]
    [InlineData("purchase_order", true)]
    [InlineData("Purchase Order", true)]
    [InlineData("", false)]
    [InlineData("a\"b", false)]
    [InlineData("a\r\nb", false)]
    [InlineData(" a", false)]
    public void IsValidFormKey_rejects_names_a_multipart_header_cannot_carry(string key, bool valid)
        => Assert.Equal(valid, FlowRules.IsValidFormKey(key, out _));

    [Theory]
    [InlineData("name", "run's own")]
    [InlineData("invoice_metadata", "metadata field of 'invoice'")]
    [InlineData("invoice_guidance", "guidance field of 'invoice'")]
    [InlineData("pages_3", "numbered file parts of 'pages'")]
    public void FindReservedCollision_names_what_the_key_collides_with(string key, string reason)
    {
        var keys = new[] { ("invoice", false), ("pages", true), (key, false) };
        Assert.Contains(reason, FlowRules.FindReservedCollision(keys, 2));
    }

    [Fact]
    public void FindReservedCollision_allows_numbered_keys_beside_single_file_fields()
    {
        var keys = new[] { ("invoice", false), ("invoice_2", false) };
        Assert.Null(FlowRules.FindReservedCollision(keys, 1));
    }
}
