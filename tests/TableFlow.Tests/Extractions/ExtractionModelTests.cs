using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TableFlow.Tests.Extractions;

/// <summary>The model's own behaviour: raw values, their text and equality; issues' text; a table's completeness.</summary>
public sealed class ExtractionModelTests
{
    private static ExtractedValue Value(string json) => new(JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("\"1245.75\"", "1245.75", JsonValueKind.String)]
    [InlineData("1245.75", "1245.75", JsonValueKind.Number)]
    [InlineData("1e3", "1e3", JsonValueKind.Number)]
    [InlineData("true", "true", JsonValueKind.True)]
    [InlineData("false", "false", JsonValueKind.False)]
    [InlineData("null", "", JsonValueKind.Null)]
    [InlineData("\"\"", "", JsonValueKind.String)]
    [InlineData("[1,2]", "[1,2]", JsonValueKind.Array)]
    public void A_value_keeps_its_kind_and_reads_as_text(string json, string text, JsonValueKind kind)
    {
        var value = Value(json);

        Assert.Equal(kind, value.Kind);
        Assert.Equal(text, value.ToString());
        Assert.Equal(kind == JsonValueKind.Null, value.IsNull);
    }

    [Fact]
    public void The_default_value_is_absent()
    {
        var absent = default(ExtractedValue);

        Assert.Equal(JsonValueKind.Undefined, absent.Kind);
        Assert.True(absent.IsNull);
        Assert.Equal("", absent.ToString());
        Assert.Equal(default, new ExtractedValue(default));
        Assert.NotEqual(absent, Value("null"));
    }

    [Fact]
    public void Values_are_equal_by_raw_json_text_and_outlive_their_document()
    {
        ExtractedValue kept;
        using (var document = JsonDocument.Parse("""{"a":"1"}"""))
        {
            kept = new ExtractedValue(document.RootElement.GetProperty("a"));
        }

        Assert.Equal("1", kept.ToString()); // cloned: the disposed document does not matter
        Assert.Equal(Value("\"1\""), kept);
        Assert.True(Value("\"1\"") == kept);
        Assert.Equal(Value("\"1\"").GetHashCode(), kept.GetHashCode());
        Assert.NotEqual(Value("1"), kept);
        Assert.True(Value("1") != kept);
        Assert.NotEqual(Value("1.0"), Value("1"));
    }

    [Fact]
    public void Issues_read_as_where_severity_message_and_rule()
    {
        Assert.Equal("line_items[3].quantity: error: Quantity is required (not_blank)",
            new ExtractionIssue("quantity", 3, ExtractionIssueSeverity.Error, "Quantity is required", "not_blank", "line_items").ToString());
        Assert.Equal("invoice_date: warning: Not a date",
            new ExtractionIssue("invoice_date", null, ExtractionIssueSeverity.Warning, "Not a date", isConversion: true).ToString());
        Assert.Equal("total: critical: Odd", new ExtractionIssue("total", null, ExtractionIssueSeverity.Unknown, "Odd", severityText: "critical").ToString());
        Assert.Equal("Whole document unreadable", new ExtractionIssue(null, null, ExtractionIssueSeverity.Unknown, "Whole document unreadable").ToString());
        Assert.Equal("info", new ExtractionIssue("a", null, ExtractionIssueSeverity.Info, "m").SeverityText);
        Assert.Throws<ArgumentNullException>(() => new ExtractionIssue("a", null, ExtractionIssueSeverity.Info, null!));
    }

    [Fact]
    public void A_table_is_complete_only_without_a_next_page_and_with_every_row_of_its_total()
    {
        var rows = new[] { new ExtractionRow(0, new Dictionary<string, ExtractedValue>()), new ExtractionRow(1, new Dictionary<string, ExtractedValue>()) };

        Assert.True(new ExtractionTable { Key = "t", Rows = rows }.IsComplete);
        Assert.True(new ExtractionTable { Key = "t", Rows = rows, Total = 2 }.IsComplete);
        Assert.False(new ExtractionTable { Key = "t", Rows = rows, Total = 3 }.IsComplete);
        Assert.False(new ExtractionTable { Key = "t", Rows = rows, Total = 2, NextOffset = 2 }.IsComplete);
        Assert.Empty(rows[0].Issues);
        Assert.True(rows[0]["missing"].IsNull);
    }

    [Fact]
    public void An_extraction_built_in_a_test_has_empty_collections_and_is_terminal_only_when_completed_or_failed()
    {
        var extraction = new Extraction { Id = "e1", Status = ExtractionStatus.Processing };

        Assert.Empty(extraction.Fields);
        Assert.Empty(extraction.Tables);
        Assert.Empty(extraction.FieldIssues);
        Assert.Empty(extraction.StatusHistory);
        Assert.False(extraction.IsTerminal);
        Assert.True(new Extraction { Status = ExtractionStatus.Failed }.IsTerminal);
        Assert.False(new Extraction { Status = ExtractionStatus.Unknown }.IsTerminal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-1000)]
    public void Wait_options_refuse_negative_times(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionWaitOptions { PollingInterval = TimeSpan.FromMilliseconds(milliseconds) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionWaitOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds - 1) });
    }
}
