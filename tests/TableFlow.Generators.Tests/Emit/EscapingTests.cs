using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Emit;
using TableFlow.Generators.Model;

namespace TableFlow.Generators.Tests.Emit;

/// <summary>Whatever a user writes in a flow id, key or guidance reaches the generated code intact and harmless.</summary>
public class EscapingTests
{
    public static readonly TheoryData<string> NastyStrings = new()
    {
        "plain",
        "quote \" and backslash \\ and {braces}",
        "line\nbreak\r\nand\ttab",
        "separators \u2028 \u2029 \u0085 end",
        "nul \0 bell \a",
        "</param> <b>&amp;</b> ]]> -->",
        "unicode é 中文 😀",
        "lone \uD800 surrogate",
        "",
    };

    [Theory]
    [MemberData(nameof(NastyStrings))]
    public void CSharp_literal_parses_back_to_the_same_string(string value)
    {
        var literal = CSharpLiteral.Of(value);
        Assert.DoesNotContain('\n', literal);
        var expression = Assert.IsType<LiteralExpressionSyntax>(SyntaxFactory.ParseExpression(literal));
        Assert.Empty(expression.GetDiagnostics());
        Assert.Equal(value, expression.Token.ValueText);
    }

    [Fact]
    public void CSharp_literal_of_null_is_the_null_keyword() => Assert.Equal("null", CSharpLiteral.Of(null));

    [Theory]
    [MemberData(nameof(NastyStrings))]
    public void Xml_doc_text_stays_on_one_line_and_reads_back_as_the_text(string value)
    {
        var escaped = XmlDoc.Escape(value);
        Assert.DoesNotContain('\n', escaped);
        Assert.DoesNotContain('\r', escaped);
        Assert.DoesNotContain('\u2028', escaped);
        var folded = value.Replace("\r", " ").Replace("\n", " ").Replace("\t", " ").Replace("\u2028", " ").Replace("\u2029", " ").Replace("\u0085", " ")
            .Replace("\0", "\\u0000").Replace("\a", "\\u0007").Replace("\uD800", "\\uD800");
        Assert.Equal(folded, XElement.Parse("<param>" + escaped + "</param>").Value);
    }

    [Theory]
    [InlineData("PurchaseOrder", "purchaseOrder")]
    [InlineData("HTMLReport", "htmlReport")]
    [InlineData("PDFFile", "pdfFile")]
    [InlineData("ID", "id")]
    [InlineData("invoice", "invoice")]
    [InlineData("@Class", "class")]
    public void Parameter_names_are_camel_case(string property, string parameter)
        => Assert.Equal(parameter, UniqueNameBuilder.ToCamelCase(property));

    [Fact]
    public void Unique_names_fall_back_to_alternatives_then_numbers_and_escape_keywords()
    {
        var names = new UniqueNameBuilder();
        names.Reserve(new[] { "name" });
        Assert.Equal("nameFile", names.Take("name", "nameFile"));
        Assert.Equal("nameFile2", names.Take("name", "nameFile"));
        Assert.Equal("@class", names.Take("class"));
        Assert.Equal("class2", names.Take("class"));
        Assert.True(names.IsTaken("@class"));
    }
}
