using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

public sealed class ValidationRuleTests
{
    [Theory]
    [InlineData("not_blank", null, "  ", true)]
    [InlineData("not_blank", null, "x", false)]
    [InlineData("list", """["EUR", "USD"]""", "usd", false)]
    [InlineData("list", """["EUR", "USD"]""", "GBP", true)]
    [InlineData("list", """["EUR", "USD"]""", "", false)]
    [InlineData("email", null, "ap@acme.example", false)]
    [InlineData("email", null, "not an address", true)]
    [InlineData("length", """{"min": 3, "max": 5}""", "ab", true)]
    [InlineData("length", """{"min": 3, "max": 5}""", "abcdef", true)]
    [InlineData("length", """{"min": 3, "max": 5}""", "abcd", false)]
    [InlineData("regex", "\"^INV-\\\\d+$\"", "INV-12", false)]
    [InlineData("regex", "\"^INV-\\\\d+$\"", "PO-12", true)]
    [InlineData("phone", null, "not checked", false)]
    [InlineData("made_up_rule", null, "", false)]
    public async Task Each_rule_is_evaluated_over_the_value(string rule, string? options, string value, bool fails)
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero });
        emulator.AddTemplate("T", t => t.Field("f", value: value, validations: [EmulatedValidation.Rule(rule, options is null ? null : JsonNode.Parse(options))]));
        var e = await UploadAndGetAsync(emulator);

        var validations = e.At("data", "fields", "validations");
        Assert.Equal(fails, validations.TryGetProperty("f", out var issues));
        if (fails)
        {
            var issue = Assert.Single(issues.EnumerateArray());
            Assert.Equal(rule, issue.Str("validate"));
            Assert.Equal("error", issue.Str("severity"));
            Assert.StartsWith("F ", issue.Str("message"));
        }

        Assert.Equal(fails ? 1 : 0, e.At("stats", "fields", "invalid").GetInt32());
    }

    [Fact]
    public async Task Severities_and_messages_are_sent_as_configured_and_only_errors_make_a_value_invalid()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.Zero });
        emulator.AddTemplate("T", t => t
            .Field("vendor", value: "", validations: [EmulatedValidation.NotBlank("warning", "Vendor is missing")])
            .Field("currency", value: "GBP", validations: [EmulatedValidation.List(["EUR", "USD"], "info")])
            .Field("email", value: "nope", validations: [EmulatedValidation.Email(), EmulatedValidation.Length(max: 2, severity: "warn")])
            .Field("ok", value: "fine", validations: [EmulatedValidation.Regex("^f")]));
        var e = await UploadAndGetAsync(emulator);

        var validations = e.At("data", "fields", "validations");
        Assert.Equal("""[{"validate":"not_blank","severity":"warning","message":"Vendor is missing"}]""", validations.GetProperty("vendor").GetRawText());
        Assert.Equal("""[{"validate":"list","severity":"info","message":"Currency must be one of EUR, USD"}]""", validations.GetProperty("currency").GetRawText());
        Assert.Equal(["email:error", "length:warn"], validations.GetProperty("email").EnumerateArray().Select(i => i.Str("validate") + ":" + i.Str("severity")));
        Assert.False(validations.TryGetProperty("ok", out _));
        Assert.Equal("""{"valid":3,"invalid":1,"total":4}""", e.At("stats", "fields").GetRawText());
    }

    [Fact]
    public void Bad_rules_are_refused_when_configured()
    {
        Assert.Contains("The severity 'fatal' is not one of error, warning (or warn) and info.", Assert.Throws<ArgumentException>(() => EmulatedValidation.NotBlank("fatal")).Message);
        Assert.Contains("The regex pattern '(' is not valid", Assert.Throws<ArgumentException>(() => EmulatedValidation.Regex("(")).Message);
        Assert.Contains("are not a range", Assert.Throws<ArgumentException>(() => EmulatedValidation.Length(5, 2)).Message);
    }

    private static async Task<JsonElement> UploadAndGetAsync(TableFlowEmulator emulator)
    {
        using var http = emulator.CreateHttpClient();
        var api = new ExtractionApi(http);
        var id = (await api.UploadAsync(ExtractionApi.Form("T"))).Str("id");
        return await api.GetAsync($"v2/extractions/{id}");
    }
}
